package io.bloomfit.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of one spec section: its keys in order ({@link SpecKey}: name, type, default, what is written back).
 * Reading reports a section that is not a mapping, unknown keys (with the known ones) and values of the wrong type
 * or out of range, each at its field path; writing produces the section of the canonical form, keys in the same
 * order.
 *
 * @param <R> the record the section binds to
 */
final class Section<R> {

    private final String name;
    private final List<SpecKey<R, ?>> keys;

    Section(String name, List<SpecKey<R, ?>> keys) {
        this.name = name;
        this.keys = List.copyOf(keys);
    }

    String name() {
        return name;
    }

    List<String> keyNames() {
        return keys.stream().map(SpecKey::name).toList();
    }

    String path(SpecKey<R, ?> key) {
        return name + "." + key.name();
    }

    /**
     * Every key path of this section in key order, each key followed by the keys of its value where the schema
     * declares them: {@code model.epochs}, {@code model.network}, {@code model.network.hidden}, ...
     */
    List<String> keyPaths() {
        List<String> paths = new ArrayList<>();
        for (SpecKey<R, ?> key : keys) {
            paths.add(path(key));
            key.keyNames().forEach(nested -> paths.add(path(key) + "." + nested));
        }
        return paths;
    }

    /** The paths of this section's keys below which the plugins declare the keys, e.g. {@code grid.options}. */
    List<String> pluginKeyedPaths() {
        return keys.stream().filter(SpecKey::pluginKeyed).map(this::path).toList();
    }

    /** Reads section {@link #name()} of {@code root} (absent: every key takes its default). */
    Values<R> read(ObjectNode root, SpecProblems problems) {
        JsonNode node = root.get(name);
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        if (node != null && !node.isNull()) {
            if (node.isObject()) {
                section = (ObjectNode) node;
            } else {
                problems.add(name, "expected a mapping of keys, found '" + node.asText() + "'");
            }
        }
        checkKeys(section, name, keyNames(), problems);
        Map<SpecKey<R, ?>, Object> values = new HashMap<>();
        Set<SpecKey<R, ?>> given = new HashSet<>();
        for (SpecKey<R, ?> key : keys) {
            JsonNode value = section.get(key.name());
            if (value != null && !value.isNull()) {
                given.add(key);
                Object bound = key.read(value, path(key), problems);
                if (bound != null) {
                    values.put(key, bound);
                }
            }
        }
        return new Values<>(this, values, given, problems);
    }

    /** The canonical form of {@code record}: every key whose written value is not {@code null}, in key order. */
    ObjectNode write(R record) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (SpecKey<R, ?> key : keys) {
            JsonNode value = key.write(record);
            if (value != null) {
                out.set(key.name(), value);
            }
        }
        return out;
    }

    /** Reports every key of {@code node} not in {@code known}. */
    static void checkKeys(ObjectNode node, String path, List<String> known, SpecProblems problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(path.isEmpty() ? key : path + "." + key, "unknown key; known keys"
                        + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", known));
            }
        }
    }

    /**
     * The values read for one section: each key's value, or its default where the key is absent or its value had
     * a problem; and the place to report what only the section as a whole can check.
     */
    static final class Values<R> {

        private final Section<R> section;
        private final Map<SpecKey<R, ?>, Object> values;
        private final Set<SpecKey<R, ?>> given;
        private final SpecProblems problems;

        private Values(Section<R> section, Map<SpecKey<R, ?>, Object> values, Set<SpecKey<R, ?>> given,
                       SpecProblems problems) {
            this.section = section;
            this.values = values;
            this.given = given;
            this.problems = problems;
        }

        @SuppressWarnings("unchecked") // values are put by their own key's type
        <T> T get(SpecKey<R, T> key) {
            return values.containsKey(key) ? (T) values.get(key) : key.fallback();
        }

        /** Whether the spec gives {@code key} a value (a problem with that value is reported on its own). */
        boolean isSet(SpecKey<R, ?> key) {
            return given.contains(key);
        }

        void problem(SpecKey<R, ?> key, String message) {
            problems.add(section.path(key), message);
        }

        /** A problem with element {@code index} of the list under {@code key}. */
        void problem(SpecKey<R, ?> key, int index, String message) {
            problems.add(section.path(key) + "[" + index + "]", message);
        }

        /** A problem of the section as a whole (path: the section's name). */
        void problem(String message) {
            problems.add(section.name(), message);
        }

        /** Where problems below a key's own path go (e.g. at {@code grid.options.bloom-hybrid.hotShare[1]}). */
        SpecProblems problems() {
            return problems;
        }

        /** Whether any problem was found in this section so far. */
        boolean hasProblems() {
            return problems.hasAt(section.name());
        }

        boolean hasProblemAt(SpecKey<R, ?> key) {
            return problems.hasAt(section.path(key));
        }
    }
}
