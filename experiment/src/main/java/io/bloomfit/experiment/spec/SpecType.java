package io.bloomfit.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * How one spec value is read from the parsed YAML/JSON tree, checked, and written back to the canonical form
 * ({@code spec.json}). Implementations live in {@link SpecTypes}.
 *
 * @param <T> the bound value
 */
interface SpecType<T> {

    /**
     * The value {@code node} (never {@code null} nor a JSON null) holds, or {@code null} after adding a problem
     * at {@code path} saying what was expected and what was found.
     */
    T read(JsonNode node, String path, SpecProblems problems);

    /** The value as the canonical form writes it. */
    JsonNode write(T value);

    /**
     * The keys of a value that is a mapping the schema declares (e.g. {@code model.network}'s), in order; none for
     * other values. Part of the spec's key paths ({@link Section#keyPaths()}).
     */
    default List<String> keyNames() {
        return List.of();
    }

    /**
     * Whether the value is a mapping whose keys the plugins declare (compressor names and their options, a trainer's
     * options) rather than the schema.
     */
    default boolean pluginKeyed() {
        return false;
    }

    /** This type, bound to another representation (e.g. a {@code long} read as an {@code int}). */
    default <U> SpecType<U> map(Function<T, U> to, Function<U, T> from) {
        SpecType<T> base = this;
        return new SpecType<>() {
            @Override
            public U read(JsonNode node, String path, SpecProblems problems) {
                T value = base.read(node, path, problems);
                return value == null ? null : to.apply(value);
            }

            @Override
            public JsonNode write(U value) {
                return base.write(from.apply(value));
            }

            @Override
            public List<String> keyNames() {
                return base.keyNames();
            }

            @Override
            public boolean pluginKeyed() {
                return base.pluginKeyed();
            }
        };
    }
}
