package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;

/**
 * The distinct (user, item) pairs of some interactions, each with the interactions that carry it. Splits assign
 * whole pairs to one part, so a repeated pair can never sit in train and test at once.
 */
final class PairGroups {

    private final Interactions data;
    private final UserItems rows;
    /** CSR position of each pair's first entry; {@code count()} is followed by a sentinel. */
    private final int[] groupStart;
    /** first pair of each user; followed by a sentinel. */
    private final int[] userGroupStart;

    private PairGroups(Interactions data, UserItems rows, int[] groupStart, int[] userGroupStart) {
        this.data = data;
        this.rows = rows;
        this.groupStart = groupStart;
        this.userGroupStart = userGroupStart;
    }

    static PairGroups of(Interactions data) {
        UserItems rows = data.userItems();
        int[] items = rows.items();
        int n = items.length;
        int[] start = new int[n + 1];
        int[] userStart = new int[rows.numUsers() + 1];
        int g = 0;
        for (int u = 0; u < rows.numUsers(); u++) {
            userStart[u] = g;
            for (int j = rows.start(u); j < rows.end(u); j++) {
                if (j == rows.start(u) || items[j] != items[j - 1]) {
                    start[g++] = j;
                }
            }
        }
        userStart[rows.numUsers()] = g;
        start[g] = n;
        return new PairGroups(data, rows, start, userStart);
    }

    int count() {
        return userGroupStart[userGroupStart.length - 1];
    }

    int firstOfUser(int u) {
        return userGroupStart[u];
    }

    int endOfUser(int u) {
        return userGroupStart[u + 1];
    }

    /** Latest timestamp among the pair's interactions (0 without timestamps). */
    long time(int g) {
        long t = Long.MIN_VALUE;
        for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
            t = Math.max(t, data.timestamp(rows.interactionIndex()[j]));
        }
        return t;
    }

    /** Largest interaction index among the pair's interactions: the later line of the source breaks time ties. */
    int lastIndex(int g) {
        int last = -1;
        for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
            last = Math.max(last, rows.interactionIndex()[j]);
        }
        return last;
    }

    /** Marks every interaction of pair {@code g} in {@code mask}. */
    void mark(int g, boolean[] mask) {
        for (int j = groupStart[g]; j < groupStart[g + 1]; j++) {
            mask[rows.interactionIndex()[j]] = true;
        }
    }

    /** [interactions not in mask, interactions in mask], each in source order. */
    Interactions[] partition(boolean[] mask) {
        int second = 0;
        for (boolean b : mask) {
            if (b) {
                second++;
            }
        }
        int[] a = new int[mask.length - second];
        int[] b = new int[second];
        int ia = 0;
        int ib = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                b[ib++] = i;
            } else {
                a[ia++] = i;
            }
        }
        return new Interactions[] {data.select(a), data.select(b)};
    }

    /** Sorts pair ids {@code ids[from, to)} by (time, last index), ascending: a stable merge sort on primitives. */
    void sortByTime(int[] ids, int from, int to, long[] time, int[] last, int[] scratch) {
        for (int width = 1; width < to - from; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int a = ids[i];
                    int b = ids[j];
                    boolean takeRight = time[b] < time[a] || (time[b] == time[a] && last[b] < last[a]);
                    scratch[k++] = takeRight ? ids[j++] : ids[i++];
                }
                while (i < mid) {
                    scratch[k++] = ids[i++];
                }
                while (j < hi) {
                    scratch[k++] = ids[j++];
                }
                System.arraycopy(scratch, lo, ids, lo, hi - lo);
            }
        }
    }
}
