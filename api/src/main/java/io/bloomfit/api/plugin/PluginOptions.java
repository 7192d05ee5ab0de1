package io.bloomfit.api.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Values of a plugin's options, by name, sorted: what a spec gave one compressor or trainer. Immutable; values are
 * {@link Double}, {@link Integer}, {@link Boolean} or {@link String} as the declaration ({@link PluginOption})
 * says. {@link #resolved(List)} fills in the defaults of what was not given.
 */
public final class PluginOptions {

    /** No options given. */
    public static final PluginOptions NONE = new PluginOptions(new TreeMap<>());

    private final Map<String, Object> values;

    private PluginOptions(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The given values, unchecked (see {@link #check}).
     *
     * @throws IllegalArgumentException when a name or value is {@code null}, or a value is not a {@link Number},
     *                                  {@link Boolean} or {@link String}
     */
    public static PluginOptions of(Map<String, ?> values) {
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            if (e.getKey() == null || v == null) {
                throw new IllegalArgumentException("option names and values must not be null: " + values);
            }
            if (!(v instanceof Number || v instanceof Boolean || v instanceof String)) {
                throw new IllegalArgumentException("option '" + e.getKey() + "' has a value of type "
                        + v.getClass().getSimpleName() + "; options take numbers, true/false or words");
            }
            copy.put(e.getKey(), v instanceof Number n && !(v instanceof Integer) && !(v instanceof Double)
                    ? Double.valueOf(n.doubleValue()) : v);
        }
        return copy.isEmpty() ? NONE : new PluginOptions(copy);
    }

    /**
     * Every problem of {@code given} against {@code declared}: options the plugin does not declare (naming those
     * it does), values of the wrong type or out of range. Empty when all is well.
     */
    public static List<OptionProblem> check(List<PluginOption> declared, PluginOptions given) {
        List<OptionProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : given.values.entrySet()) {
            PluginOption option = find(declared, e.getKey());
            if (option == null) {
                problems.add(new OptionProblem(e.getKey(), "unknown option; " + (declared.isEmpty()
                        ? "this plugin takes no options" : "it takes " + names(declared))));
                continue;
            }
            String problem = option.problem(e.getValue());
            if (problem != null) {
                problems.add(new OptionProblem(e.getKey(), problem));
            }
        }
        return problems;
    }

    /**
     * These values normalised to their declared types, with the default of every declared option not given: the
     * complete options a plugin runs with, as results and saved models record them.
     *
     * @throws IllegalArgumentException naming the option when {@link #check} finds a problem
     */
    public PluginOptions resolved(List<PluginOption> declared) {
        List<OptionProblem> problems = check(declared, this);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid options: " + problems);
        }
        TreeMap<String, Object> all = new TreeMap<>();
        for (PluginOption option : declared) {
            Object given = values.get(option.name());
            all.put(option.name(), given == null ? option.defaultValue() : option.normalise(given));
        }
        return all.isEmpty() ? NONE : new PluginOptions(all);
    }

    /** Whether no option is given. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The names given, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The values by name, sorted (unmodifiable). */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether {@code name} is given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value of {@code name}, or {@code null}. */
    public Object get(String name) {
        return values.get(name);
    }

    /** A number option's value. @throws IllegalStateException when it is not given (a caller bug: resolve first) */
    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /** A whole-number option's value. @throws IllegalStateException when it is not given */
    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    /** A flag's value. @throws IllegalStateException when it is not given */
    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    /**
     * Whether {@code name} is {@value PluginOption#AUTOMATIC}: the plugin works the value out itself.
     * @throws IllegalStateException when it is not given
     */
    public boolean isAutomatic(String name) {
        return PluginOption.AUTOMATIC.equals(require(name));
    }

    /** A choice's value. @throws IllegalStateException when it is not given */
    public String choice(String name) {
        return (String) require(name);
    }

    /** These values with {@code name} set to {@code value} (unchecked). */
    public PluginOptions with(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return of(copy);
    }

    /** These values and those of {@code more}; where both give an option, {@code more}'s value (unchecked). */
    public PluginOptions plus(PluginOptions more) {
        if (more.isEmpty()) {
            return this;
        }
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.putAll(more.values);
        return new PluginOptions(copy);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("option '" + name + "' is not set; resolve the options against their "
                    + "declaration first (PluginOptions.resolved)");
        }
        return v;
    }

    private static PluginOption find(List<PluginOption> declared, String name) {
        for (PluginOption option : declared) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        return null;
    }

    private static String names(List<PluginOption> declared) {
        List<String> names = new ArrayList<>();
        for (PluginOption option : declared) {
            names.add(option.name() + " (" + option.rule() + ")");
        }
        return String.join(", ", names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code {name=value, ...}}, sorted by name. */
    @Override
    public String toString() {
        return values.toString();
    }
}
