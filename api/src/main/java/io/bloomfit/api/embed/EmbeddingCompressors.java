package io.bloomfit.api.embed;

import io.bloomfit.api.plugin.PluginRegistry;

import java.util.Set;

/** Name-keyed lookup of the {@link EmbeddingCompressor} providers, built-in and dropped in as jars. */
public final class EmbeddingCompressors {

    private EmbeddingCompressors() {
    }

    /**
     * The compressor registered under {@code name}.
     *
     * @throws IllegalArgumentException naming every available compressor when none has that name
     */
    public static EmbeddingCompressor forName(String name) {
        return registry().forName(name);
    }

    /** Names of every available compressor, sorted. */
    public static Set<String> available() {
        return registry().available();
    }

    /** The registry behind this facade, with each provider's source and load problems. */
    public static PluginRegistry<EmbeddingCompressor> registry() {
        return PluginRegistry.shared(EmbeddingCompressor.class, EmbeddingCompressor::name, "compressor");
    }
}
