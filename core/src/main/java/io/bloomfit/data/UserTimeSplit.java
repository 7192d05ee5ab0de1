package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

/**
 * Per user, the latest {@code fraction} of the user's distinct (user, item) pairs by timestamp is held out:
 * {@code min(n - 1, round(fraction * n))} of a user's {@code n} pairs, so every user keeps at least one training
 * pair and no user becomes cold start. Timestamp ties are broken by the source's line order.
 */
public final class UserTimeSplit {

    private UserTimeSplit() {
    }

    /** [train, held-out]. */
    public static Interactions[] split(Interactions data, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("time-fraction split fraction must be in (0, 1), was " + fraction);
        }
        LeaveLastOutSplit.requireTimestamps(data, "time-fraction");
        PairGroups groups = PairGroups.of(data);
        int g = groups.count();
        long[] time = new long[g];
        int[] last = new int[g];
        int[] ids = new int[g];
        for (int i = 0; i < g; i++) {
            time[i] = groups.time(i);
            last[i] = groups.lastIndex(i);
            ids[i] = i;
        }
        int[] scratch = new int[g];
        boolean[] mask = new boolean[data.size()];
        for (int u = 0; u < data.numUsers(); u++) {
            int from = groups.firstOfUser(u);
            int to = groups.endOfUser(u);
            int n = to - from;
            int held = (int) Math.min(n - 1L, Math.round(fraction * n));
            if (held <= 0) {
                continue;
            }
            groups.sortByTime(ids, from, to, time, last, scratch);
            for (int j = to - held; j < to; j++) {
                groups.mark(ids[j], mask);
            }
        }
        return groups.partition(mask);
    }

    /** The full {@link Split}: {@code SplitSpec.timeFraction(fraction).apply(data)}. */
    public static Split apply(Interactions data, double fraction) {
        return SplitSpec.timeFraction(fraction).apply(data);
    }
}
