package io.bloomfit.experiment;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

/** Test-only {@code plain} (identity, k = 1): api tests cannot see embedding-plugins, which depends on api. */
public final class FixturePlainCompressor implements EmbeddingCompressor {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        int n = request.numEntities();
        int[] rows = new int[n];
        for (int e = 0; e < n; e++) {
            rows[e] = e;
        }
        return EmbeddingLayout.of(name(), request, new int[] {n}, new int[] {0}, rows, null, Combiner.MEAN);
    }
}
