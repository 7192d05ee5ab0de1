package io.bloomfit.experiment.spec;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.grid.OptionAxes;
import io.bloomfit.host.PluginRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code options} key of {@code grid} and {@code tune}: per compressor, its options, each a value or a list of
 * values (an axis), e.g. {@code {bloom-hybrid: {hotShare: [0.25, 0.5], coldFloor: 0.2}}}. {@link #type()} reads the
 * shape; {@link #check} checks it against the compressors the grid runs and their declared options, reporting
 * each problem at its path ({@code grid.options.bloom-hybrid.hotShare[1]}), and normalises the values to their
 * declared types. Repeated values count once.
 */
final class OptionAxesKey {

    /** The key's name in both sections. */
    static final String NAME = "options";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String EXAMPLE = "e.g. {bloom-hybrid: {hotShare: [0.25, 0.5]}}";

    private OptionAxesKey() {
    }

    /** The shape: a mapping of compressor names to mappings of option names to a value or a list of values. */
    static SpecType<OptionAxes> type() {
        return new SpecType<>() {
            @Override
            public OptionAxes read(JsonNode node, String path, SpecProblems problems) {
                if (!node.isObject()) {
                    problems.add(path, "expected a mapping of compressor names to their options, " + EXAMPLE
                            + ", found a " + SpecTypes.describe(node));
                    return null;
                }
                Map<String, Map<String, List<Object>>> axes = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> compressor = it.next();
                    String at = path + "." + compressor.getKey();
                    if (!compressor.getValue().isObject()) {
                        problems.add(at, "expected a mapping of option names to a value or a list of values, "
                                + "e.g. {hotShare: [0.25, 0.5]}, found a " + SpecTypes.describe(compressor.getValue()));
                        continue;
                    }
                    Map<String, List<Object>> options = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> o = compressor.getValue().fields(); o.hasNext(); ) {
                        Map.Entry<String, JsonNode> option = o.next();
                        List<Object> values = values(option.getValue(), at + "." + option.getKey(), problems);
                        if (!values.isEmpty()) {
                            options.put(option.getKey(), values);
                        }
                    }
                    axes.put(compressor.getKey(), options);
                }
                return OptionAxes.of(axes);
            }

            @Override
            public boolean pluginKeyed() {
                return true;
            }

            @Override
            public JsonNode write(OptionAxes value) {
                ObjectNode out = NODES.objectNode();
                value.byCompressor().forEach((compressor, options) -> {
                    ObjectNode o = out.putObject(compressor);
                    options.forEach((name, values) -> {
                        ArrayNode array = o.putArray(name);
                        values.forEach(v -> array.add(SpecTypes.optionNode(v)));
                    });
                });
                return out;
            }
        };
    }

    /** One option's values: a single value is a list of one; numbers, true/false and text as they are. */
    private static List<Object> values(JsonNode node, String path, SpecProblems problems) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
            if (items.isEmpty()) {
                problems.add(path, "empty list: list at least one value, or leave the option out");
            }
        } else if (node.isObject()) {
            problems.add(path, "expected a value or a list of values, found a mapping");
        } else if (!node.isNull()) {
            items.add(node);
        } else {
            problems.add(path, "expected a value or a list of values, found null");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Object value = SpecTypes.optionValue(item);
            if (value != null) {
                values.add(value);
            } else {
                problems.add(path + "[" + i + "]", "expected a number, true/false or a word, found a "
                        + SpecTypes.describe(item));
            }
        }
        return values;
    }

    /**
     * {@code given} checked and normalised: every compressor must be one the grid runs, every option one it
     * declares, every value one the declaration allows, and every combination (with each of {@code base}'s, the grid
     * options a tune section adds to) one the compressor accepts ({@link EmbeddingCompressor#checkOptions}).
     *
     * @param path        where {@code given} is, e.g. {@code grid.options}
     * @param compressors the grid's compressors
     * @param base        options given elsewhere that combine with these ({@code grid.options} for
     *                    {@code tune.options}; an option must not be in both), or {@link OptionAxes#NONE}
     * @param basePath    where {@code base} is
     * @return the normalised axes; {@link OptionAxes#NONE} when something was reported
     */
    static OptionAxes check(OptionAxes given, String path, PluginRegistry<EmbeddingCompressor> registry,
                            List<String> compressors, OptionAxes base, String basePath, SpecProblems problems) {
        Map<String, Map<String, List<Object>>> checked = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Map<String, List<Object>>> entry : given.byCompressor().entrySet()) {
            String name = entry.getKey();
            String at = path + "." + name;
            if (!registry.contains(name)) {
                problems.add(at, SpecBinder.unknownPlugin(registry, name));
                ok = false;
                continue;
            }
            if (!compressors.contains(name)) {
                problems.add(at, "'" + name + "' is not in grid.compressor (" + String.join(", ", compressors)
                        + "): options apply to the compressors the grid runs; list it there or remove its options");
                ok = false;
                continue;
            }
            EmbeddingCompressor compressor = registry.forName(name);
            Map<String, List<Object>> options = new LinkedHashMap<>();
            for (Map.Entry<String, List<Object>> option : entry.getValue().entrySet()) {
                List<Object> values = values(compressor, option.getKey(), option.getValue(), at,
                        base.of(name).containsKey(option.getKey()) ? basePath + "." + name : null, problems);
                if (values == null) {
                    ok = false;
                } else {
                    options.put(option.getKey(), values);
                }
            }
            checked.put(name, options);
        }
        if (!ok) {
            return OptionAxes.NONE;
        }
        OptionAxes axes = OptionAxes.of(checked);
        for (String name : axes.byCompressor().keySet()) {
            ok &= combinations(registry.forName(name), axes, base, path + "." + name, problems);
        }
        return ok ? axes : OptionAxes.NONE;
    }

    /**
     * The values of one option, normalised, or {@code null} after reporting the option unknown, given in both
     * places, or a value it does not allow.
     */
    private static List<Object> values(EmbeddingCompressor compressor, String option, List<Object> given, String at,
                                       String alsoAt, SpecProblems problems) {
        PluginOption declared = compressor.options().stream().filter(o -> o.name().equals(option)).findFirst()
                .orElse(null);
        if (declared == null) {
            for (OptionProblem p : PluginOptions.check(compressor.options(), PluginOptions.of(Map.of(option,
                    given.get(0))))) {
                problems.add(at + "." + option, p.message());
            }
            return null;
        }
        if (alsoAt != null) {
            problems.add(at + "." + option, "also given in " + alsoAt + "." + option
                    + ": give each option in one place");
            return null;
        }
        Set<Object> values = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < given.size(); i++) {
            Object value = given.get(i);
            String problem = declared.problem(value);
            if (problem != null) {
                problems.add(at + "." + option + "[" + i + "]", problem);
                ok = false;
            } else {
                values.add(declared.normalise(value));
            }
        }
        return ok ? List.copyOf(values) : null;
    }

    /**
     * Reports, once each, what {@code compressor} refuses in any combination of its axes (joined with each of
     * {@code base}'s); whether there was nothing to report.
     */
    private static boolean combinations(EmbeddingCompressor compressor, OptionAxes axes, OptionAxes base, String at,
                                        SpecProblems problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (PluginOptions baseOptions : base.combinations(compressor.name())) {
            for (PluginOptions options : axes.combinations(compressor.name())) {
                for (OptionProblem p : Layouts.optionProblems(compressor, baseOptions.plus(options))) {
                    if (reported.add(p.option() + "\u0000" + p.message())) {
                        problems.add(at + "." + p.option(), p.message());
                    }
                }
            }
        }
        return reported.isEmpty();
    }
}
