package io.bloomfit.experiment.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One key of a spec section, declared once: its name, its value type (with the allowed range), its default, and
 * which part of the bound record the canonical form writes under it.
 *
 * @param <R> the record the section binds to
 * @param <T> the key's value
 */
final class SpecKey<R, T> {

    private final String name;
    private final SpecType<T> type;
    private final T fallback;
    private final Function<R, T> written;

    /**
     * @param fallback the value when the key is absent or its value has a problem ({@code null}: unset)
     * @param written  the value the canonical form writes, read from the bound record ({@code null}: left out)
     */
    SpecKey(String name, SpecType<T> type, T fallback, Function<R, T> written) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.fallback = fallback;
        this.written = Objects.requireNonNull(written, "written");
    }

    String name() {
        return name;
    }

    T fallback() {
        return fallback;
    }

    /** The keys of this key's value when it is a mapping the schema declares ({@link SpecType#keyNames()}). */
    List<String> keyNames() {
        return type.keyNames();
    }

    /** Whether the plugins declare the keys of this key's value ({@link SpecType#pluginKeyed()}). */
    boolean pluginKeyed() {
        return type.pluginKeyed();
    }

    /** The value of {@code node}, or {@code null} after reporting a problem at {@code path}. */
    T read(JsonNode node, String path, SpecProblems problems) {
        return type.read(node, path, problems);
    }

    /** What the canonical form writes for {@code record}, or {@code null} to leave the key out. */
    JsonNode write(R record) {
        T value = written.apply(record);
        return value == null ? null : type.write(value);
    }
}
