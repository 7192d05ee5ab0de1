package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.SplittableRandom;

/**
 * Per user, a seeded random {@code fraction} of the user's distinct (user, item) pairs is held out:
 * {@code min(n - 1, round(fraction * n))} of a user's {@code n} pairs, so every user keeps at least one pair as
 * input and no user becomes cold start. The held-out pairs are the targets a model must find from the rest of
 * the user's items (the paper's "held-out items of a user's history" task); no timestamps are needed.
 *
 * <p>Each user's pairs are shuffled with a {@link SplittableRandom} split off one generator seeded with
 * {@code seed}, users in index order, so the same data and seed give the same split.
 */
public final class UserHoldoutSplit {

    private UserHoldoutSplit() {
    }

    /** [train (input), held-out (targets)]. */
    public static Interactions[] split(Interactions data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("user-holdout split fraction must be in (0, 1), was " + fraction);
        }
        PairGroups groups = PairGroups.of(data);
        boolean[] mask = new boolean[data.size()];
        SplittableRandom random = new SplittableRandom(seed);
        int[] ids = new int[0];
        for (int u = 0; u < data.numUsers(); u++) {
            SplittableRandom user = random.split();
            int from = groups.firstOfUser(u);
            int n = groups.endOfUser(u) - from;
            int held = (int) Math.min(n - 1L, Math.round(fraction * n));
            if (held <= 0) {
                continue;
            }
            if (ids.length < n) {
                ids = new int[n];
            }
            for (int i = 0; i < n; i++) {
                ids[i] = from + i;
            }
            // the first `held` entries of a partial Fisher-Yates shuffle
            for (int i = 0; i < held; i++) {
                int j = i + user.nextInt(n - i);
                int t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
                groups.mark(ids[i], mask);
            }
        }
        return groups.partition(mask);
    }

    /** The full {@link Split}: {@code SplitSpec.userHoldout(fraction, seed).apply(data)}. */
    public static Split apply(Interactions data, double fraction, long seed) {
        return SplitSpec.userHoldout(fraction, seed).apply(data);
    }
}
