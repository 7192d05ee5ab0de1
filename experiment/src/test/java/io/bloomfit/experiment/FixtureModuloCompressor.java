package io.bloomfit.experiment;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

/** Test-only Bloom-like compressor: k hashed lookups into ceil(ratio * n) rows, seeds seed + j. */
public final class FixtureModuloCompressor implements EmbeddingCompressor {

    @Override
    public String name() {
        return "fixture-modulo";
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        HashFunction hash = request.requireHash(handed, name());
        int n = request.numEntities();
        int k = request.numHashes();
        int m = (int) Math.max(1, Math.ceil(request.ratio() * n));
        int[] rows = new int[n * k];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = (int) Long.remainderUnsigned(hash.hash(e, request.seed() + j), m);
            }
        }
        return EmbeddingLayout.of(name(), request, new int[] {m}, new int[k], rows, null, Combiner.MEAN);
    }
}
