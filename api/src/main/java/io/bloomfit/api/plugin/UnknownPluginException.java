package io.bloomfit.api.plugin;

import java.util.Set;

/**
 * A spec, a command line or a request named a plugin that no registry holds: a user error (a typo, a jar not
 * dropped in), never a bug. The message names the kind, the name and every available name.
 */
public final class UnknownPluginException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final Set<String> available;

    public UnknownPluginException(String kind, String name, Set<String> available) {
        super("unknown " + kind + " '" + name + "'; available: " + String.join(", ", available));
        this.kind = kind;
        this.name = name;
        this.available = Set.copyOf(available);
    }

    /** The kind of plugin, e.g. "hash function". */
    public String kind() {
        return kind;
    }

    /** The name asked for (may be {@code null}). */
    public String name() {
        return name;
    }

    /** Every name the registry holds. */
    public Set<String> available() {
        return available;
    }
}
