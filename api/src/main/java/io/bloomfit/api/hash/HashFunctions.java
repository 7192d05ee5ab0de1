package io.bloomfit.api.hash;

import io.bloomfit.api.plugin.PluginRegistry;

import java.util.Set;

/** Name-keyed lookup of the {@link HashFunction} providers, built-in and dropped in as jars. */
public final class HashFunctions {

    private HashFunctions() {
    }

    /**
     * The hash function registered under {@code name}.
     *
     * @throws IllegalArgumentException naming every available function when none has that name
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
        return PluginRegistry.shared(HashFunction.class, HashFunction::name, "hash function");
    }
}
