package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.SplittableRandom;

/**
 * Seeded random split: a shuffled {@code round(fraction * pairs)} of the distinct (user, item) pairs go to the
 * second part, all interactions of a pair together (like Spotlight's {@code random_train_test_split}, which
 * shuffles interactions and cuts). Users and items may end up only in the second part: they are cold start and are
 * reported by {@link Split}.
 */
public final class RandomSplit {

    private RandomSplit() {
    }

    /** [train, test] with {@code fraction} of the pairs in test. */
    public static Interactions[] split(Interactions data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("random split fraction must be in (0, 1), was " + fraction);
        }
        PairGroups groups = PairGroups.of(data);
        int g = groups.count();
        int[] order = new int[g];
        for (int i = 0; i < g; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = g - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int testPairs = (int) Math.round(fraction * g);
        boolean[] mask = new boolean[data.size()];
        for (int i = 0; i < testPairs; i++) {
            groups.mark(order[i], mask);
        }
        return groups.partition(mask);
    }

    /** The full {@link Split}: {@code SplitSpec.random(fraction, seed).apply(data)}. */
    public static Split apply(Interactions data, double fraction, long seed) {
        return SplitSpec.random(fraction, seed).apply(data);
    }
}
