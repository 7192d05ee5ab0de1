package io.bloomfit.engine.djl;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.SplittableRandom;

/**
 * Test-only compressor {@code test-permutation}: ratio 1, k = 1, entity e reads row perm(e) of a seeded
 * random permutation. No collisions, so a trainer that adds nothing of its own must produce exactly the
 * scores of {@code plain} when started from the same vectors permuted the same way.
 */
public final class PermutationCompressor implements EmbeddingCompressor {

    static final String NAME = "test-permutation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction handed) {
        int n = request.numEntities();
        return EmbeddingLayout.of(NAME, request, new int[] {n}, new int[] {0}, permutation(n, request.seed()), null,
                Combiner.MEAN);
    }

    /** perm[e] = the row of entity e (Fisher-Yates with a SplittableRandom of the seed). */
    static int[] permutation(int n, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
