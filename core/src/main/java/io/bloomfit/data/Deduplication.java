package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;

/** Collapses repeated (user, item) pairs into the latest one: the largest timestamp, then the later line. */
final class Deduplication {

    private Deduplication() {
    }

    /** Indices to keep, ascending, or {@code null} when every pair is already distinct. */
    static int[] latestOfEachPair(Interactions data) {
        UserItems rows = data.userItems();
        int[] items = rows.items();
        int[] index = rows.interactionIndex();
        int n = items.length;
        boolean duplicates = false;
        for (int u = 0; u < rows.numUsers() && !duplicates; u++) {
            for (int j = rows.start(u) + 1; j < rows.end(u); j++) {
                if (items[j] == items[j - 1]) {
                    duplicates = true;
                    break;
                }
            }
        }
        if (!duplicates) {
            return null;
        }
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int u = 0; u < rows.numUsers(); u++) {
            int j = rows.start(u);
            int end = rows.end(u);
            while (j < end) {
                int best = index[j];
                int k = j + 1;
                // within a pair, CSR keeps source order (index ascending), so ">=" prefers the later line
                for (; k < end && items[k] == items[j]; k++) {
                    if (data.timestamp(index[k]) >= data.timestamp(best)) {
                        best = index[k];
                    }
                }
                keep[best] = true;
                kept++;
                j = k;
            }
        }
        int[] out = new int[kept];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[o++] = i;
            }
        }
        return out;
    }
}
