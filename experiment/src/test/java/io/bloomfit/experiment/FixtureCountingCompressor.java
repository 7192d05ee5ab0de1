package io.bloomfit.experiment;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only frequency-aware compressor: asks for training counts and remembers every request it was given; entity
 * e reads row 1 when it has training interactions, else row 0.
 */
public final class FixtureCountingCompressor implements EmbeddingCompressor {

    /** Every request laid out, in order. */
    static final List<LayoutRequest> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "fixture-tally";
    }

    @Override
    public boolean usesTrainingCounts() {
        return true;
    }

    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(new CompressorTraits(false, false, true, 1));
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        SEEN.add(request);
        int n = request.numEntities();
        int[] rows = new int[n];
        for (int e = 0; e < n; e++) {
            rows[e] = request.trainingCount(e) > 0 ? 1 : 0;
        }
        return EmbeddingLayout.of(name(), request, new int[] {2}, new int[1], rows, null, Combiner.SUM);
    }
}
