package io.bloomfit.api.embed;

import java.util.Arrays;

/**
 * Counts how a layout makes entities share rows. Signatures (sorted weighted rows) are fingerprinted to 64
 * bits and sorted as primitive longs; entities whose fingerprints agree are then compared exactly, so a
 * fingerprint collision can never be reported as a signature collision.
 */
final class CollisionCounter {

    private static final long FINGERPRINT_MASK = 0xFFFF_FFFF_8000_0000L; // high 33 bits; low 31 hold the entity

    private final EmbeddingLayout layout;
    private final int n;
    private final int k;

    CollisionCounter(EmbeddingLayout layout) {
        this.layout = layout;
        this.n = layout.numEntities();
        this.k = layout.numLookups();
    }

    CollisionStats count() {
        int[] entitiesPerRow = new int[layout.totalRows()];
        long[] distinctRowsHistogram = new long[k + 1];
        long[] keys = new long[n];
        long[] signature = new long[k];
        for (int e = 0; e < n; e++) {
            signatureOf(e, signature);
            int distinct = 0;
            for (int j = 0; j < k; j++) {
                int row = (int) (signature[j] >>> 32);
                if (j == 0 || row != (int) (signature[j - 1] >>> 32)) {
                    distinct++;
                    entitiesPerRow[row]++;
                }
            }
            distinctRowsHistogram[distinct]++;
            keys[e] = (fingerprint(signature) & FINGERPRINT_MASK) | e;
        }
        Arrays.parallelSort(keys);

        long shared = 0;
        long distinctSignatures = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (keys[end] & FINGERPRINT_MASK) == (keys[start] & FINGERPRINT_MASK)) {
                end++;
            }
            if (end - start == 1) {
                distinctSignatures++;
            } else {
                long[] groupCounts = countExactGroup(keys, start, end);
                distinctSignatures += groupCounts[0];
                shared += groupCounts[1];
            }
            start = end;
        }

        long rowsUsed = 0;
        long maxPerRow = 0;
        long sumPerRow = 0;
        for (int c : entitiesPerRow) {
            if (c > 0) {
                rowsUsed++;
                sumPerRow += c;
                maxPerRow = Math.max(maxPerRow, c);
            }
        }
        double meanPerRow = rowsUsed == 0 ? 0 : (double) sumPerRow / rowsUsed;
        return new CollisionStats(n, entitiesPerRow.length, shared, distinctSignatures, rowsUsed, maxPerRow,
                meanPerRow, distinctRowsHistogram);
    }

    /** Returns {distinct signatures, entities sharing a signature} among the entities keys[start..end). */
    private long[] countExactGroup(long[] keys, int start, int end) {
        int g = end - start;
        long[] signatures = new long[g * k];
        long[] one = new long[k];
        int[] order = new int[g];
        for (int i = 0; i < g; i++) {
            signatureOf((int) (keys[start + i] & ~FINGERPRINT_MASK), one);
            System.arraycopy(one, 0, signatures, i * k, k);
            order[i] = i;
        }
        sort(order, signatures, new int[g], 0, g);
        long distinct = 0;
        long shared = 0;
        int runStart = 0;
        for (int i = 1; i <= g; i++) {
            if (i == g || compare(signatures, order[runStart], order[i]) != 0) {
                distinct++;
                if (i - runStart > 1) {
                    shared += i - runStart;
                }
                runStart = i;
            }
        }
        return new long[] {distinct, shared};
    }

    /** Sorted (globalRow, weight bits) pairs packed as longs. */
    private void signatureOf(int entity, long[] out) {
        for (int j = 0; j < k; j++) {
            long row = layout.globalRow(entity, j);
            long weightBits = Float.floatToIntBits(layout.weight(entity, j)) & 0xFFFF_FFFFL;
            out[j] = (row << 32) | weightBits;
        }
        if (k > 1) {
            Arrays.sort(out, 0, k);
        }
    }

    private static long fingerprint(long[] signature) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        for (long v : signature) {
            h = mix(h ^ mix(v));
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private int compare(long[] signatures, int a, int b) {
        for (int j = 0; j < k; j++) {
            int c = Long.compare(signatures[a * k + j], signatures[b * k + j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Merge sort of order[from..to) by signature, without boxing. */
    private void sort(int[] order, long[] signatures, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int value = order[i];
                int j = i - 1;
                while (j >= from && compare(signatures, order[j], value) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = value;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(order, signatures, scratch, from, mid);
        sort(order, signatures, scratch, mid, to);
        int i = from;
        int j = mid;
        int o = from;
        while (i < mid && j < to) {
            scratch[o++] = compare(signatures, order[i], order[j]) <= 0 ? order[i++] : order[j++];
        }
        while (i < mid) {
            scratch[o++] = order[i++];
        }
        while (j < to) {
            scratch[o++] = order[j++];
        }
        System.arraycopy(scratch, from, order, from, to - from);
    }
}
