package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.experiment.grid.OptionAxes;
import io.bloomfit.experiment.tune.TuneMetric;
import io.bloomfit.experiment.tune.TuneSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.host.Plugins;
import java.util.List;

/**
 * The optional {@code tune} section's schema: {@code metric} (a ranking metric, default {@code mrr}),
 * {@code validation} (fraction of the training part in (0, 1), default 0.1), {@code learningRate} and {@code l2}
 * (lists; default: the model section's value), {@code epochs: {max, patience}} (default: the model's epochs, patience
 * 3), {@code options} (per compressor of {@code grid.compressor}, option values tried, each a value or a list, e.g.
 * {@code {bloom-hybrid: {hotShare: [0.0, 0.25, 0.5]}}}; an option is given here or in {@code grid.options}, not
 * both; default none, and then left out of the canonical form). Without the section nothing is tuned and the
 * canonical form has no {@code tune} key.
 */
final class TuneSection {

    static final SpecKey<TuneSpec, TuneMetric> METRIC = new SpecKey<>("metric", SpecTypes.choice(TuneMetric.class),
            TuneMetric.MRR, TuneSpec::metric);
    static final SpecKey<TuneSpec, Double> VALIDATION = new SpecKey<>("validation",
            SpecTypes.number(v -> v > 0 && v < 1, "must be a fraction in (0, 1), e.g. 0.1"), 0.1,
            TuneSpec::validation);
    static final SpecKey<TuneSpec, List<Double>> LEARNING_RATE = new SpecKey<>("learningRate",
            SpecTypes.listOf(SpecTypes.number(v -> v > 0 && Double.isFinite(v), "must be a finite number > 0")),
            null, TuneSpec::learningRates);
    static final SpecKey<TuneSpec, List<Double>> L2 = new SpecKey<>("l2",
            SpecTypes.listOf(SpecTypes.number(v -> v >= 0 && Double.isFinite(v), "must be a finite number >= 0")),
            null, TuneSpec::l2s);
    static final SpecKey<TuneSpec, TuneSpec.Epochs> EPOCHS = new SpecKey<>("epochs", epochs(), null,
            TuneSpec::epochs);
    static final SpecKey<TuneSpec, OptionAxes> OPTIONS = new SpecKey<>(OptionAxesKey.NAME, OptionAxesKey.type(),
            OptionAxes.NONE, t -> t.options().isEmpty() ? null : t.options());

    static final Section<TuneSpec> SCHEMA = new Section<>("tune", List.of(METRIC, VALIDATION, LEARNING_RATE, L2,
            EPOCHS, OPTIONS));

    private static final int DEFAULT_PATIENCE = 3;
    /** The keys of {@code tune.epochs}. */
    private static final String MAX = "max";
    private static final String PATIENCE = "patience";

    private TuneSection() {
    }

    /**
     * The section, or {@code null} when the spec has none.
     *
     * @param grid the bound grid, whose compressors {@code options} may name and whose options they join
     */
    static TuneSpec bind(ObjectNode root, SpecProblems problems, ModelSpec model, Plugins plugins, GridSpec grid) {
        JsonNode node = root.get(SCHEMA.name());
        if (node == null || node.isNull()) {
            return null;
        }
        Section.Values<TuneSpec> values = SCHEMA.read(root, problems);
        List<Double> rates = values.get(LEARNING_RATE);
        List<Double> l2s = values.get(L2);
        if (rates != null && rates.isEmpty() && !values.hasProblemAt(LEARNING_RATE)) {
            values.problem(LEARNING_RATE, "empty list: list at least one learning rate, or leave the key out");
        }
        if (l2s != null && l2s.isEmpty() && !values.hasProblemAt(L2)) {
            values.problem(L2, "empty list: list at least one l2, or leave the key out");
        }
        OptionAxes options = problems.hasAt("grid") ? OptionAxes.NONE
                : OptionAxesKey.check(values.get(OPTIONS), SCHEMA.path(OPTIONS), plugins.compressors(),
                        grid.compressors(), grid.options(), GridSection.SCHEMA.path(GridSection.OPTIONS), problems);
        if (model == null || values.hasProblems()) {
            return null;
        }
        TuneSpec.Epochs epochs = values.get(EPOCHS);
        return new TuneSpec(values.get(METRIC), values.get(VALIDATION),
                rates == null || rates.isEmpty() ? List.of(model.optimization().learningRate()) : rates,
                l2s == null || l2s.isEmpty() ? List.of(model.optimization().l2()) : l2s,
                epochs == null ? new TuneSpec.Epochs(model.optimization().epochs(), DEFAULT_PATIENCE) : epochs,
                options);
    }

    /** {@code {max: N, patience: P}}, both whole numbers >= 1 (patience defaults to 3). */
    private static SpecType<TuneSpec.Epochs> epochs() {
        SpecType<Integer> count = SpecTypes.intNumber(1, 100_000, "must be a whole number >= 1");
        return new SpecType<>() {
            @Override
            public TuneSpec.Epochs read(JsonNode node, String path, SpecProblems problems) {
                if (!node.isObject()) {
                    problems.add(path, "expected a mapping like {max: 30, patience: 3}, found '" + node.asText()
                            + "'");
                    return null;
                }
                Section.checkKeys((ObjectNode) node, path, keyNames(), problems);
                if (!node.hasNonNull(MAX)) {
                    problems.add(path + "." + MAX, "the most epochs a combination is fitted for, e.g. 30");
                    return null;
                }
                Integer max = count.read(node.get(MAX), path + "." + MAX, problems);
                Integer patience = node.hasNonNull(PATIENCE)
                        ? count.read(node.get(PATIENCE), path + "." + PATIENCE, problems) : DEFAULT_PATIENCE;
                return max == null || patience == null ? null : new TuneSpec.Epochs(max, patience);
            }

            @Override
            public JsonNode write(TuneSpec.Epochs value) {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put(MAX, value.max());
                out.put(PATIENCE, value.patience());
                return out;
            }

            @Override
            public List<String> keyNames() {
                return List.of(MAX, PATIENCE);
            }
        };
    }
}
