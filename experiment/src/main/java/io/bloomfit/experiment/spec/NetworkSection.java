package io.bloomfit.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.train.NetworkActivation;
import io.bloomfit.api.train.NetworkSpec;

import java.util.List;

/**
 * The schema of {@code model.network}, the layers of {@code kind: bloom-network}: {@code hidden} (units per hidden
 * layer, input side first, each 1..65536, default {@code [256, 128]}), {@code activation}
 * ({@code relu | tanh | sigmoid}, default {@code relu}) and {@code dropout} (in [0, 1), default 0.2); defaults are
 * {@link NetworkSpec#defaults()}.
 */
final class NetworkSection {

    private static final NetworkSpec DEFAULTS = NetworkSpec.defaults();

    static final SpecKey<NetworkSpec, List<Integer>> HIDDEN = new SpecKey<>("hidden",
            SpecTypes.listOf(SpecTypes.intNumber(1, NetworkSpec.MAX_UNITS, "must be in 1.." + NetworkSpec.MAX_UNITS)),
            DEFAULTS.hidden(), NetworkSpec::hidden);
    static final SpecKey<NetworkSpec, NetworkActivation> ACTIVATION = new SpecKey<>("activation",
            SpecTypes.choice(NetworkActivation.class), DEFAULTS.activation(), NetworkSpec::activation);
    static final SpecKey<NetworkSpec, Double> DROPOUT = new SpecKey<>("dropout",
            SpecTypes.number(v -> v >= 0 && v < 1, "must be a fraction in [0, 1), e.g. 0.2"), DEFAULTS.dropout(),
            NetworkSpec::dropout);

    static final Section<NetworkSpec> SCHEMA = new Section<>("model.network", List.of(HIDDEN, ACTIVATION, DROPOUT));

    private NetworkSection() {
    }

    /** {@code model.network} as a value of the {@code model} section: a mapping bound by {@link #SCHEMA}. */
    static SpecType<NetworkSpec> type() {
        return new SpecType<>() {
            @Override
            public NetworkSpec read(JsonNode node, String path, SpecProblems problems) {
                if (!node.isObject()) {
                    problems.add(path, "expected a mapping like {hidden: [256, 128], activation: relu, dropout: 0.2}, "
                            + "found a " + SpecTypes.describe(node));
                    return null;
                }
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.set(SCHEMA.name(), node);
                Section.Values<NetworkSpec> values = SCHEMA.read(root, problems);
                List<Integer> hidden = values.get(HIDDEN);
                if (hidden.isEmpty() && !values.hasProblemAt(HIDDEN)) {
                    values.problem(HIDDEN, "empty list: list at least one hidden layer, e.g. [256]");
                }
                if (values.hasProblems()) {
                    return null;
                }
                return new NetworkSpec(hidden, values.get(ACTIVATION), values.get(DROPOUT));
            }

            @Override
            public JsonNode write(NetworkSpec value) {
                return SCHEMA.write(value);
            }

            @Override
            public List<String> keyNames() {
                return SCHEMA.keyNames();
            }
        };
    }
}
