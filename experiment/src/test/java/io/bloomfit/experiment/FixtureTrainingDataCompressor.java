package io.bloomfit.experiment;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only compressor {@code fixture-training}: builds its layout from training data (entity e reads row
 * {@code e mod m}) and records every interactions object it was handed.
 */
public final class FixtureTrainingDataCompressor implements EmbeddingCompressor {

    /** What each layout call was handed, in call order. */
    public static final List<Interactions> HANDED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "fixture-training";
    }

    @Override
    public boolean usesTrainingData() {
        return true;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
        throw new IllegalArgumentException("fixture-training needs training data");
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash, Interactions training) {
        HANDED.add(training);
        int n = request.numEntities();
        int m = (int) Math.max(1, Math.ceil(request.ratio() * n));
        int[] rows = new int[n];
        for (int e = 0; e < n; e++) {
            rows[e] = e % m;
        }
        return EmbeddingLayout.of(name(), request, new int[] {m}, new int[1], rows, null, Combiner.SUM);
    }
}
