package io.bloomfit.api.data;

import java.util.Arrays;

/**
 * The items of each user in compressed sparse row form: user {@code u}'s items are
 * {@code items()[offsets()[u] .. offsets()[u + 1])}, sorted ascending and free of duplicates when the
 * interactions are (loaders and splits guarantee that).
 *
 * <p>Why: evaluation excludes each user's training items and the trainer's negative sampler rejects positives;
 * both need "items of user u" in O(1) and "does u have item i" in O(log n) without boxing.
 * {@code interactionIndex()} gives, for each CSR entry, the position of the interaction it came from, so ratings
 * and timestamps can be read in the same order.
 *
 * <p>The arrays are shared, not copied: read only.
 */
public final class UserItems {

    private final int[] offsets;
    private final int[] items;
    private final int[] interactionIndex;

    UserItems(int[] offsets, int[] items, int[] interactionIndex) {
        this.offsets = offsets;
        this.items = items;
        this.interactionIndex = interactionIndex;
    }

    /** Builds the CSR of {@code interactions}: a counting sort by user, then items sorted within each user. */
    static UserItems of(Interactions interactions) {
        int numUsers = interactions.numUsers();
        int[] users = interactions.userArray();
        int[] itemColumn = interactions.itemArray();
        int n = users.length;
        int[] offsets = new int[numUsers + 1];
        for (int u : users) {
            offsets[u + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            offsets[u + 1] += offsets[u];
        }
        int[] next = Arrays.copyOf(offsets, numUsers);
        // sort key per entry: item in the high 32 bits, interaction index in the low 32 bits
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[next[users[i]]++] = ((long) itemColumn[i] << 32) | i;
        }
        int[] items = new int[n];
        int[] index = new int[n];
        for (int u = 0; u < numUsers; u++) {
            int from = offsets[u];
            int to = offsets[u + 1];
            if (to - from > 1) {
                Arrays.sort(keys, from, to);
            }
            for (int j = from; j < to; j++) {
                items[j] = (int) (keys[j] >>> 32);
                index[j] = (int) keys[j];
            }
        }
        return new UserItems(offsets, items, index);
    }

    public int numUsers() {
        return offsets.length - 1;
    }

    /** {@code numUsers + 1} row starts; read only. */
    public int[] offsets() {
        return offsets;
    }

    /** All users' items, row after row; read only. */
    public int[] items() {
        return items;
    }

    /** For each CSR entry, the index of its interaction in the COO arrays; read only. */
    public int[] interactionIndex() {
        return interactionIndex;
    }

    /** First CSR position of user {@code u}. */
    public int start(int u) {
        return offsets[u];
    }

    /** One past the last CSR position of user {@code u}. */
    public int end(int u) {
        return offsets[u + 1];
    }

    /** Number of items of user {@code u}. */
    public int count(int u) {
        return offsets[u + 1] - offsets[u];
    }

    /** Whether user {@code u} has {@code item} (binary search over the sorted row). */
    public boolean contains(int u, int item) {
        return Arrays.binarySearch(items, offsets[u], offsets[u + 1], item) >= 0;
    }

    /** A copy of user {@code u}'s items, ascending. */
    public int[] itemsOf(int u) {
        return Arrays.copyOfRange(items, offsets[u], offsets[u + 1]);
    }
}
