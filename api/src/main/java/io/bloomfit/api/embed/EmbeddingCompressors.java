package io.bloomfit.api.embed;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.hash.HashFunctions;
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

    /**
     * Builds {@code compressor}'s layout for {@code request}, resolving the request's hash function in
     * {@code hashes}: the one way every caller (runner, trainers loading saved models, CLI) builds a layout.
     *
     * @throws IllegalArgumentException when the hash function is unknown in {@code hashes} or the request does not
     *                                  suit the compressor
     */
    public static EmbeddingLayout layout(EmbeddingCompressor compressor, LayoutRequest request,
                                         PluginRegistry<HashFunction> hashes) {
        HashFunction hash = request.hashFunction() == null ? null : hashes.forName(request.hashFunction());
        return compressor.layout(request, hash);
    }

    /**
     * As {@link #layout(EmbeddingCompressor, LayoutRequest, PluginRegistry)}, handing {@code training} to a
     * compressor that {@linkplain EmbeddingCompressor#usesTrainingData() builds its layout from training data}.
     *
     * @param training training interactions whose items are the entities laid out (never test interactions)
     */
    public static EmbeddingLayout layout(EmbeddingCompressor compressor, LayoutRequest request,
                                         PluginRegistry<HashFunction> hashes, Interactions training) {
        HashFunction hash = request.hashFunction() == null ? null : hashes.forName(request.hashFunction());
        return compressor.usesTrainingData() ? compressor.layout(request, hash, training)
                : compressor.layout(request, hash);
    }

    /** As {@link #layout(EmbeddingCompressor, LayoutRequest, PluginRegistry)} with the shared registries. */
    public static EmbeddingLayout layout(String compressor, LayoutRequest request) {
        return layout(forName(compressor), request);
    }

    /**
     * As {@link #layout(EmbeddingCompressor, LayoutRequest, PluginRegistry)}, resolving the hash function in the
     * shared registry ({@link HashFunctions#registry()}).
     */
    public static EmbeddingLayout layout(EmbeddingCompressor compressor, LayoutRequest request) {
        return layout(compressor, request, HashFunctions.registry());
    }
}
