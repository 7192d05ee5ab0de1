package io.bloomfit.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
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
        };
    }
}
