package io.bloomfit.experiment;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

/** Test-only compressor that ignores hash and k (two lookups, e / 2 and e % 2): the grid must not expand them. */
public final class FixtureFixedCompressor implements EmbeddingCompressor {

    @Override
    public String name() {
        return "fixture-fixed";
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        int n = request.numEntities();
        int half = (n + 1) / 2;
        int[] rows = new int[n * 2];
        for (int e = 0; e < n; e++) {
            rows[e * 2] = e / 2;
            rows[e * 2 + 1] = e % 2;
        }
        return EmbeddingLayout.of(name(), request, new int[] {half, 2}, new int[] {0, 1}, rows, null,
                Combiner.PRODUCT);
    }
}
