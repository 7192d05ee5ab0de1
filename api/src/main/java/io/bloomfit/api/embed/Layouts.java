package io.bloomfit.api.embed;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.NamedProviders;

/**
 * The one way every caller (runner, trainers loading saved models, CLI, tests) builds a layout: resolve the hash
 * function the request names in the registry in use, then ask the compressor.
 */
public final class Layouts {

    private Layouts() {
    }

    /**
     * Builds {@code compressor}'s layout for {@code request}, resolving the request's hash function in
     * {@code hashes}.
     *
     * @throws io.bloomfit.api.plugin.UnknownPluginException when the hash function is unknown in {@code hashes}
     * @throws IllegalArgumentException                      when the request does not suit the compressor
     */
    public static EmbeddingLayout build(EmbeddingCompressor compressor, LayoutRequest request,
                                        NamedProviders<HashFunction> hashes) {
        return compressor.layout(request, hash(request, hashes));
    }

    /**
     * As {@link #build(EmbeddingCompressor, LayoutRequest, NamedProviders)}, handing {@code training} to a
     * compressor that {@linkplain EmbeddingCompressor#usesTrainingData() builds its layout from training data}.
     *
     * @param training training interactions whose items are the entities laid out (never test interactions)
     */
    public static EmbeddingLayout build(EmbeddingCompressor compressor, LayoutRequest request,
                                        NamedProviders<HashFunction> hashes, Interactions training) {
        HashFunction hash = hash(request, hashes);
        return compressor.usesTrainingData() ? compressor.layout(request, hash, training)
                : compressor.layout(request, hash);
    }

    private static HashFunction hash(LayoutRequest request, NamedProviders<HashFunction> hashes) {
        return request.hashFunction() == null ? null : hashes.forName(request.hashFunction());
    }
}
