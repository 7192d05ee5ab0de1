package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

/**
 * Per user, the latest (user, item) pair by timestamp is held out (the source's later line wins a timestamp tie).
 * Users with a single pair keep it in train: holding it out would only make them cold start.
 */
public final class LeaveLastOutSplit {

    private LeaveLastOutSplit() {
    }

    /** [train, held-out] . */
    public static Interactions[] split(Interactions data) {
        requireTimestamps(data, "leave-last-out");
        PairGroups groups = PairGroups.of(data);
        boolean[] mask = new boolean[data.size()];
        for (int u = 0; u < data.numUsers(); u++) {
            int from = groups.firstOfUser(u);
            int to = groups.endOfUser(u);
            if (to - from < 2) {
                continue;
            }
            int best = from;
            long bestTime = groups.time(from);
            int bestIndex = groups.lastIndex(from);
            for (int g = from + 1; g < to; g++) {
                long t = groups.time(g);
                int idx = groups.lastIndex(g);
                if (t > bestTime || (t == bestTime && idx > bestIndex)) {
                    best = g;
                    bestTime = t;
                    bestIndex = idx;
                }
            }
            groups.mark(best, mask);
        }
        return groups.partition(mask);
    }

    /** The full {@link Split}: {@code SplitSpec.leaveLastOut().apply(data)}. */
    public static Split apply(Interactions data) {
        return SplitSpec.leaveLastOut().apply(data);
    }

    static void requireTimestamps(Interactions data, String kind) {
        if (!data.hasTimestamps()) {
            throw new DatasetLoadException("split: a " + kind + " split needs timestamps but the data has none; "
                    + "load a timestamp column or use kind: random");
        }
    }
}
