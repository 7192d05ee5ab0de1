package io.bloomfit.host;

import io.bloomfit.api.hash.HashFunction;

import java.util.Set;

/**
 * Name-keyed lookup of the {@link HashFunction} providers in the process-wide registry (built-in and dropped in as
 * jars): a convenience for programs and tests with one registry. Code that is handed a registry
 * ({@link Plugins}, {@link io.bloomfit.api.plugin.PluginLookup}) resolves names there instead.
 */
public final class HashFunctions {

    /** The kind, as used in messages. */
    public static final String KIND = "hash function";

    private HashFunctions() {
    }

    /**
     * The hash function registered under {@code name}.
     *
     * @throws io.bloomfit.api.plugin.UnknownPluginException naming every available function when none has that name
     */
    public static HashFunction forName(String name) {
        return registry().forName(name);
    }

    /** Names of every available hash function, sorted. */
    public static Set<String> available() {
        return registry().available();
    }

    /** The registry behind this facade, with each provider's source (built-in or jar) and load problems. */
    public static PluginRegistry<HashFunction> registry() {
        return PluginRegistry.shared(HashFunction.class, HashFunction::name, KIND);
    }
}
