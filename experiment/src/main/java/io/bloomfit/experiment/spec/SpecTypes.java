package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.SpecName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.plugin.PluginOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * The value types of spec keys: text, booleans, numbers with their allowed range, enum names, lists, plugin
 * options.
 */
final class SpecTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpecTypes() {
    }

    /** Any single value, read as text; a list or mapping is reported as not being {@code expected}. */
    static SpecType<String> text(String expected) {
        return new SpecType<>() {
            @Override
            public String read(JsonNode node, String path, SpecProblems problems) {
                if (!node.isValueNode()) {
                    problems.add(path, "expected " + expected + ", found a " + describe(node));
                    return null;
                }
                return node.asText();
            }

            @Override
            public JsonNode write(String value) {
                return NODES.textNode(value);
            }
        };
    }

    /** A single value. */
    static SpecType<String> text() {
        return text("a single value");
    }

    /** {@code true} or {@code false}, also written as text. */
    static SpecType<Boolean> bool() {
        return new SpecType<>() {
            @Override
            public Boolean read(JsonNode node, String path, SpecProblems problems) {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
                    return Boolean.parseBoolean(node.asText());
                }
                problems.add(path, "expected true or false, found '" + node.asText() + "'");
                return null;
            }

            @Override
            public JsonNode write(Boolean value) {
                return NODES.booleanNode(value);
            }
        };
    }

    /** Any number. */
    static SpecType<Double> number() {
        return number(v -> true, null);
    }

    /**
     * A number for which {@code allowed} holds, else the problem {@code rule; was VALUE}. Numbers may be written
     * as text too: YAML 1.1 reads {@code 1e-6} (no dot) as a string.
     */
    static SpecType<Double> number(DoublePredicate allowed, String rule) {
        return new SpecType<>() {
            @Override
            public Double read(JsonNode node, String path, SpecProblems problems) {
                Double value = null;
                if (node.isNumber()) {
                    value = node.doubleValue();
                } else if (node.isTextual()) {
                    try {
                        value = Double.parseDouble(node.asText().trim());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                if (value == null) {
                    problems.add(path, "expected a number, found '" + node.asText() + "'");
                    return null;
                }
                if (!allowed.test(value)) {
                    problems.add(path, rule + "; was " + value);
                    return null;
                }
                return value;
            }

            @Override
            public JsonNode write(Double value) {
                return NODES.numberNode(value);
            }
        };
    }

    /**
     * A number ({@link Double}) or, when the value does not read as one, a path ({@link String}): the split's
     * {@code test} and {@code validation}, fractions for drawn splits and files for {@code kind: files}.
     */
    static SpecType<Object> numberOrPath() {
        return new SpecType<>() {
            @Override
            public Object read(JsonNode node, String path, SpecProblems problems) {
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                if (!node.isTextual()) {
                    problems.add(path, "expected a fraction or a file path, found a " + describe(node));
                    return null;
                }
                try {
                    return Double.parseDouble(node.asText().trim());
                } catch (NumberFormatException e) {
                    return node.asText();
                }
            }

            @Override
            public JsonNode write(Object value) {
                return value instanceof Double d ? NODES.numberNode(d) : NODES.textNode(value.toString());
            }
        };
    }

    /** Any whole number. */
    static SpecType<Long> wholeNumber() {
        return wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, null);
    }

    /** A whole number in {@code [min, max]}, else the problem {@code rule; was VALUE}. */
    static SpecType<Long> wholeNumber(long min, long max, String rule) {
        return new SpecType<>() {
            @Override
            public Long read(JsonNode node, String path, SpecProblems problems) {
                Long value = null;
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    value = node.longValue();
                } else if (node.isTextual()) {
                    try {
                        value = Long.parseLong(node.asText().trim());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                if (value == null) {
                    problems.add(path, "expected a whole number, found '" + node.asText() + "'");
                    return null;
                }
                if (value < min || value > max) {
                    problems.add(path, rule + "; was " + value);
                    return null;
                }
                return value;
            }

            @Override
            public JsonNode write(Long value) {
                return NODES.numberNode(value);
            }
        };
    }

    /** A whole number in {@code [1, max]} (at most {@link Integer#MAX_VALUE}), as an {@code int}. */
    static SpecType<Integer> count(int max) {
        return wholeNumber(1, max, "must be in 1.." + max).map(Long::intValue, Integer::longValue);
    }

    /** A whole number in {@code [min, max]}, as an {@code int}, else the problem {@code rule; was VALUE}. */
    static SpecType<Integer> intNumber(int min, int max, String rule) {
        return wholeNumber(min, max, rule).map(Long::intValue, Integer::longValue);
    }

    /** The spec name ({@link SpecName}) of one of the constants of {@code type}. */
    static <E extends Enum<E>> SpecType<E> choice(Class<E> type) {
        return choice(EnumSet.allOf(type), SpecName.list(EnumSet.allOf(type)));
    }

    /** The spec name of one of {@code allowed}, else the problem listing {@code choices}. */
    static <E extends Enum<E>> SpecType<E> choice(Set<E> allowed, String choices) {
        SpecType<String> name = text();
        return new SpecType<>() {
            @Override
            public E read(JsonNode node, String path, SpecProblems problems) {
                String value = name.read(node, path, problems);
                if (value == null) {
                    return null;
                }
                for (E constant : allowed) {
                    if (SpecName.of(constant).equals(value)) {
                        return constant;
                    }
                }
                problems.add(path, "unknown value '" + value + "'; expected one of " + choices);
                return null;
            }

            @Override
            public JsonNode write(E value) {
                return NODES.textNode(SpecName.of(value));
            }
        };
    }

    /**
     * A list of {@code element}s ({@code [a, b]}; a single value is a list of one). Elements with problems (at
     * {@code path[i]}) are left out.
     */
    static <T> SpecType<List<T>> listOf(SpecType<T> element) {
        return new SpecType<>() {
            @Override
            public List<T> read(JsonNode node, String path, SpecProblems problems) {
                List<JsonNode> items = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(items::add);
                } else if (node.isValueNode()) {
                    items.add(node);
                } else {
                    problems.add(path, "expected a list like [a, b], found a mapping");
                    return List.of();
                }
                List<T> values = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    String at = path + "[" + i + "]";
                    if (item.isNull()) {
                        problems.add(at, "expected a value, found null");
                        continue;
                    }
                    T value = element.read(item, at, problems);
                    if (value != null) {
                        values.add(value);
                    }
                }
                return values;
            }

            @Override
            public JsonNode write(List<T> values) {
                ArrayNode array = NODES.arrayNode();
                values.forEach(v -> array.add(element.write(v)));
                return array;
            }
        };
    }

    /**
     * A plugin's options: a mapping {@code {name: value, ...}} of numbers, {@code true}/{@code false} and words, each
     * at {@code path.name}. Checked against what the plugin declares by the caller, which knows the plugin (a number
     * written as text is read as one there: {@code PluginOption.problem}).
     */
    static SpecType<PluginOptions> options() {
        return new SpecType<>() {
            @Override
            public PluginOptions read(JsonNode node, String path, SpecProblems problems) {
                if (!node.isObject()) {
                    problems.add(path, "expected a mapping of option names to values, e.g. {name: value}, found a "
                            + describe(node));
                    return null;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Object value = optionValue(e.getValue());
                    if (value == null) {
                        problems.add(path + "." + e.getKey(), "expected a number, true or false, or a word, found a "
                                + (e.getValue().isNull() ? "null" : describe(e.getValue())));
                    } else {
                        values.put(e.getKey(), value);
                    }
                }
                return PluginOptions.of(values);
            }

            @Override
            public boolean pluginKeyed() {
                return true;
            }

            @Override
            public JsonNode write(PluginOptions value) {
                ObjectNode out = NODES.objectNode();
                value.asMap().forEach((name, v) -> out.set(name, optionNode(v)));
                return out;
            }
        };
    }

    /**
     * A scalar option value as the spec wrote it: Integer, Double, Boolean or String (text is read for the option's
     * type by the option itself, {@code PluginOption.problem}); {@code null} for lists, mappings and nulls.
     */
    static Object optionValue(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isTextual() ? node.textValue() : null;
    }

    /** The canonical form of an option value (Integer, other numbers as doubles, Boolean, words). */
    static JsonNode optionNode(Object value) {
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(value.toString());
    }

    static String describe(JsonNode node) {
        return node.isArray() ? "list" : node.isObject() ? "mapping" : "value '" + node.asText() + "'";
    }
}
