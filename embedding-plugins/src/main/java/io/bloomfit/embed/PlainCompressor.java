package io.bloomfit.embed;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code plain}: the uncompressed baseline every compressor is compared with: one table of n rows, entity e
 * reads row e (k = 1).
 *
 * <p>It ignores the request's ratio, numHashes, hashFunction and seed: the layout is the same for every value,
 * so a grid that sweeps them over {@code plain} gets the one baseline it needs.
 */
public final class PlainCompressor implements EmbeddingCompressor {

    public static final String NAME = "plain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
        int n = request.numEntities();
        int[] rows = new int[n];
        for (int e = 0; e < n; e++) {
            rows[e] = e;
        }
        return EmbeddingLayout.of(NAME, request, new int[] {n}, new int[] {0}, rows, null, Combiner.SUM);
    }

    /** Responds to nothing but the entity count: no hash, k = 1, no ratio. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(new CompressorTraits(false, false, false, 1));
    }
}
