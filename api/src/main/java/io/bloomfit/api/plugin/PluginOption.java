package io.bloomfit.api.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One named option a plugin takes, declared by the plugin (as Lucene's analysis factories take named arguments):
 * its name, its type with the allowed values, its default and what it means. A compressor declares its options in
 * {@code EmbeddingCompressor.options()}, a trainer in {@code TrainerCapabilities.options()}; specs give values per
 * plugin, and the host checks them against the declaration ({@link PluginOptions#check}) before anything runs.
 *
 * <p>Names follow {@value #NAME_RULE} (camelCase, as every spec key): they are written into result rows, saved
 * models and spec files. Values are {@link Double} ({@link Type#NUMBER}), {@link Integer} ({@link Type#INTEGER}),
 * {@link Boolean} ({@link Type#FLAG}) or {@link String} ({@link Type#CHOICE}); nothing else.
 *
 * <p>An option must not change its name, type or default once results or models name it: a saved model records
 * the options it was built with and rebuilds its layout from them, and a result row compares only with rows of
 * the same options.
 *
 * <p>A number option may be <em>automatic</em> ({@link #automaticNumber}, {@link #automaticInteger}): its default is
 * the word {@value #AUTOMATIC}, meaning the plugin works the value out itself by the rule its description states
 * (e.g. from the table size), and a spec may give {@value #AUTOMATIC} or a number. Resolved options then hold the
 * word, not the number it stood for, so that a row or model records what was asked.
 */
public final class PluginOption {

    /** The rule option names follow. */
    public static final String NAME_RULE = "[a-z][A-Za-z0-9]{0,63}";

    /** The value of an automatic option that lets the plugin work the value out ({@link #automatic()}). */
    public static final String AUTOMATIC = "auto";

    /** The kinds of value an option takes. */
    public enum Type {
        /** A finite real number in [min, max]. */
        NUMBER,
        /** A whole number in [min, max]. */
        INTEGER,
        /** true or false. */
        FLAG,
        /** One of a fixed list of words. */
        CHOICE;

        /** The name used in messages and docs. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String name;
    private final Type type;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final String description;
    private final boolean automatic;

    private PluginOption(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
                         String description) {
        this(name, type, defaultValue, min, max, choices, description, false);
    }

    private PluginOption(String name, Type type, Object defaultValue, double min, double max, List<String> choices,
                         String description, boolean automatic) {
        if (name == null || !name.matches(NAME_RULE)) {
            throw new IllegalArgumentException("option name '" + name + "' breaks the rule " + NAME_RULE);
        }
        this.name = name;
        this.type = type;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.description = Objects.requireNonNull(description, "description");
        this.automatic = automatic;
        String problem = problem(defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException("option '" + name + "': default " + problem);
        }
        this.defaultValue = normalise(defaultValue);
    }

    /** A real number in {@code [min, max]}. */
    public static PluginOption number(String name, double defaultValue, double min, double max, String description) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " > max " + max);
        }
        return new PluginOption(name, Type.NUMBER, defaultValue, min, max, List.of(), description);
    }

    /** A whole number in {@code [min, max]}. */
    public static PluginOption integer(String name, int defaultValue, int min, int max, String description) {
        if (min > max) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " > max " + max);
        }
        return new PluginOption(name, Type.INTEGER, defaultValue, min, max, List.of(), description);
    }

    /**
     * A real number in {@code [min, max]} or {@value #AUTOMATIC}, the default: the plugin works the value out by the
     * rule {@code description} states.
     */
    public static PluginOption automaticNumber(String name, double min, double max, String description) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " > max " + max);
        }
        return new PluginOption(name, Type.NUMBER, AUTOMATIC, min, max, List.of(), description, true);
    }

    /**
     * A whole number in {@code [min, max]} or {@value #AUTOMATIC}, the default: the plugin works the value out by the
     * rule {@code description} states.
     */
    public static PluginOption automaticInteger(String name, int min, int max, String description) {
        if (min > max) {
            throw new IllegalArgumentException("option '" + name + "': min " + min + " > max " + max);
        }
        return new PluginOption(name, Type.INTEGER, AUTOMATIC, min, max, List.of(), description, true);
    }

    /** true or false. */
    public static PluginOption flag(String name, boolean defaultValue, String description) {
        return new PluginOption(name, Type.FLAG, defaultValue, 0, 1, List.of(), description);
    }

    /** One of {@code choices} (at least one, each a non-empty word). */
    public static PluginOption choice(String name, String defaultValue, List<String> choices, String description) {
        if (choices.isEmpty() || choices.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("option '" + name + "' needs at least one non-blank choice");
        }
        return new PluginOption(name, Type.CHOICE, defaultValue, 0, 0, choices, description);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /**
     * The value when a spec gives none: a {@link Double}, {@link Integer}, {@link Boolean} or {@link String}
     * ({@value #AUTOMATIC} for an automatic option).
     */
    public Object defaultValue() {
        return defaultValue;
    }

    /** What the option means, for docs and {@code bloomfit plugins}. */
    public String description() {
        return description;
    }

    /** Whether this number option also takes {@value #AUTOMATIC}, its default. */
    public boolean automatic() {
        return automatic;
    }

    /** The allowed words of a {@link Type#CHOICE}; empty for the other types. */
    public List<String> choices() {
        return choices;
    }

    /** The allowed values in words, e.g. "a number in [0, 1]", "one of mean, sum", "auto or a number in [0, 1]". */
    public String rule() {
        return (automatic ? AUTOMATIC + " or " : "") + switch (type) {
            case NUMBER -> "a number in [" + format(min) + ", " + format(max) + "]";
            case INTEGER -> "a whole number in " + (long) min + ".." + (long) max;
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /**
     * What is wrong with {@code value} for this option, or {@code null} when it is allowed. Accepts any
     * {@link Number} for numbers (a whole one for integers), {@link Boolean} for flags, {@link String} for choices,
     * and, since spec files and command lines give text, a number or {@code true}/{@code false} written as text
     * (YAML 1.1 reads {@code 1e-6} as text).
     */
    public String problem(Object value) {
        value = readText(value);
        if (value == null) {
            return "is missing; expected " + rule();
        }
        if (automatic && AUTOMATIC.equals(value)) {
            return null;
        }
        switch (type) {
            case NUMBER -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return "'" + value + "' is not a number; expected " + rule();
                }
                double v = n.doubleValue();
                return v >= min && v <= max ? null : format(v) + " is out of range; expected " + rule();
            }
            case INTEGER -> {
                if (!(value instanceof Number n) || !isWhole(n)) {
                    return "'" + value + "' is not a whole number; expected " + rule();
                }
                double v = n.doubleValue();
                return v >= min && v <= max ? null : (long) v + " is out of range; expected " + rule();
            }
            case FLAG -> {
                return value instanceof Boolean ? null : "'" + value + "' is not true or false";
            }
            case CHOICE -> {
                return value instanceof String s && choices.contains(s) ? null
                        : "'" + value + "' is not allowed; expected " + rule();
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    /**
     * {@code value} in this option's own representation ({@link Double}, {@link Integer}, {@link Boolean},
     * {@link String}; {@value #AUTOMATIC} stays the word).
     *
     * @throws IllegalArgumentException naming the option when {@link #problem(Object)} finds one
     */
    public Object normalise(Object value) {
        value = readText(value);
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("option '" + name + "': " + problem);
        }
        if (AUTOMATIC.equals(value)) {
            return value;
        }
        return switch (type) {
            case NUMBER -> ((Number) value).doubleValue();
            case INTEGER -> ((Number) value).intValue();
            case FLAG, CHOICE -> value;
        };
    }

    /** {@code value} read for this option's type where it is text: a number, or a flag's {@code true}/{@code false}. */
    private Object readText(Object value) {
        if (!(value instanceof String text) || AUTOMATIC.equals(text)) {
            return value;
        }
        switch (type) {
            case NUMBER, INTEGER -> {
                try {
                    double number = Double.parseDouble(text.trim());
                    return Double.isFinite(number) ? number : value;
                } catch (NumberFormatException e) {
                    return value;
                }
            }
            case FLAG -> {
                return text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : value;
            }
            default -> {
                return value;
            }
        }
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return name + " (" + rule() + ", default " + defaultValue + ")";
    }
}
