package io.bloomfit.host;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;

import java.util.Set;

/**
 * Name-keyed lookup of the {@link EmbeddingCompressor} providers in the process-wide registry (built-in and dropped
 * in as jars): a convenience for programs and tests with one registry. Code that is handed a registry
 * ({@link Plugins}) builds layouts through {@link Layouts} with it instead.
 */
public final class EmbeddingCompressors {

    /** The kind, as used in messages. */
    public static final String KIND = "compressor";

    private EmbeddingCompressors() {
    }

    /**
     * The compressor registered under {@code name}.
     *
     * @throws io.bloomfit.api.plugin.UnknownPluginException naming every available compressor when none has that
     *                                                       name
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
        return PluginRegistry.shared(EmbeddingCompressor.class, EmbeddingCompressor::name, KIND);
    }

    /** {@code compressor}'s layout for {@code request}, with the shared compressors and hash functions. */
    public static EmbeddingLayout layout(String compressor, LayoutRequest request) {
        return layout(forName(compressor), request);
    }

    /** {@code compressor}'s layout for {@code request}, resolving its hash function in the shared registry. */
    public static EmbeddingLayout layout(EmbeddingCompressor compressor, LayoutRequest request) {
        return Layouts.build(compressor, request, HashFunctions.registry());
    }
}
