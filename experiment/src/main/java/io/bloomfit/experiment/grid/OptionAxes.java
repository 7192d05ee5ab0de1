package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compressor options as a spec's {@code grid.options} or {@code tune.options} gives them: per compressor name, the
 * values each named option takes, a list of several values being an axis. Values are {@link Double},
 * {@link Integer}, {@link Boolean} or {@link String} as the compressor's declaration says (the spec binder
 * normalises them); compressors and options keep the spec's order.
 */
public final class OptionAxes {

    /** No options for any compressor. */
    public static final OptionAxes NONE = new OptionAxes(Map.of());

    private final Map<String, Map<String, List<Object>>> byCompressor;

    private OptionAxes(Map<String, Map<String, List<Object>>> byCompressor) {
        this.byCompressor = byCompressor;
    }

    /**
     * The axes of {@code byCompressor} (compressor name to option name to values), copied.
     *
     * @throws IllegalArgumentException when an option has no value (an axis without values runs nothing)
     */
    public static OptionAxes of(Map<String, ? extends Map<String, ? extends List<?>>> byCompressor) {
        Map<String, Map<String, List<Object>>> copy = new LinkedHashMap<>();
        byCompressor.forEach((compressor, options) -> {
            Map<String, List<Object>> axes = new LinkedHashMap<>();
            options.forEach((option, values) -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("option '" + option + "' of '" + compressor
                            + "' has no value");
                }
                axes.put(option, List.copyOf(values));
            });
            if (!axes.isEmpty()) {
                copy.put(compressor, Collections.unmodifiableMap(axes));
            }
        });
        return copy.isEmpty() ? NONE : new OptionAxes(Collections.unmodifiableMap(copy));
    }

    /** Compressor name to option name to values, in the spec's order (unmodifiable). */
    public Map<String, Map<String, List<Object>>> byCompressor() {
        return byCompressor;
    }

    public boolean isEmpty() {
        return byCompressor.isEmpty();
    }

    /** The option axes of {@code compressor}: option name to values (empty when it has none). */
    public Map<String, List<Object>> of(String compressor) {
        return byCompressor.getOrDefault(compressor, Map.of());
    }

    /**
     * Every combination of {@code compressor}'s option values, the last option varying fastest: the options of one
     * grid point or one tuning candidate each. {@code [NONE]} for a compressor without options here.
     */
    public List<PluginOptions> combinations(String compressor) {
        List<PluginOptions> combinations = new ArrayList<>(List.of(PluginOptions.NONE));
        for (Map.Entry<String, List<Object>> axis : of(compressor).entrySet()) {
            List<PluginOptions> next = new ArrayList<>();
            for (PluginOptions partial : combinations) {
                for (Object value : axis.getValue()) {
                    next.add(partial.with(axis.getKey(), value));
                }
            }
            combinations = next;
        }
        return List.copyOf(combinations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionAxes other && byCompressor.equals(other.byCompressor);
    }

    @Override
    public int hashCode() {
        return byCompressor.hashCode();
    }

    @Override
    public String toString() {
        return byCompressor.toString();
    }
}
