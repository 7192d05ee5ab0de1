package io.bloomfit.layout;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.embed.TrainableWeights;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Counts how a layout makes entities share rows. Signatures (multisets of weighted rows) are fingerprinted to
 * 64 bits; entities whose fingerprints agree are then compared exactly (sorted signatures), so a fingerprint
 * collision can never be reported as a signature collision.
 *
 * <p>Built for layouts of tens of millions of entities: one parallel pass over the entities computes the
 * fingerprints, the distinct-rows histogram and the entities per row (per-segment counters, summed); the
 * fingerprints are then bucketed by their top bits (a counting pass and a scatter) and each bucket, small enough
 * for the cache, is sorted and scanned in parallel. Equal fingerprints always land in one bucket.
 */
final class CollisionCounter {

    private static final long FINGERPRINT_MASK = 0xFFFF_FFFF_8000_0000L; // high 33 bits; low 31 hold the entity
    private static final int MIN_ENTITIES_PER_SEGMENT = 1 << 16;
    /** Row counters allowed beyond the result's own array, over all parallel segments (64 MB). */
    private static final long EXTRA_COUNTERS = 1L << 24;
    private static final int ENTITIES_PER_BUCKET = 1 << 12;

    private final EmbeddingLayout layout;
    private final int n;
    private final int k;
    private final LookupKind kind;
    private final TrainableWeights trainable; // null unless the layout's kind is TRAINABLE_WEIGHTS

    /** A counter of {@code layout}'s row lookups (not an encoder's: {@link EncoderCollisions}). */
    CollisionCounter(EmbeddingLayout layout) {
        this.layout = layout;
        this.n = layout.numEntities();
        this.k = layout.numLookups();
        this.kind = layout.kind();
        this.trainable = switch (kind) {
            case TRAINABLE_WEIGHTS -> layout.asTrainableWeights().weights();
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS -> null;
            case ENCODER -> throw new IllegalArgumentException("layout of compressor '" + layout.compressor()
                    + "' is an encoder: it has no rows to share (EncoderCollisions counts it)");
        };
    }

    CollisionStats count() {
        int totalRows = layout.totalRows();
        long[] keys = new long[n];
        int segments = segments(totalRows);
        long[][] histograms = new long[segments][];
        int[][] perRow = new int[segments][];
        parallel(segments, s -> {
            int from = (int) ((long) n * s / segments);
            int to = (int) ((long) n * (s + 1) / segments);
            perRow[s] = new int[totalRows];
            histograms[s] = fingerprintRange(from, to, keys, perRow[s]);
        });
        int[] entitiesPerRow = perRow[0];
        for (int s = 1; s < segments; s++) {
            int[] other = perRow[s];
            for (int r = 0; r < totalRows; r++) {
                entitiesPerRow[r] += other[r];
            }
        }
        long[] distinctRowsHistogram = new long[k + 1];
        for (long[] histogram : histograms) {
            for (int d = 0; d <= k; d++) {
                distinctRowsHistogram[d] += histogram[d];
            }
        }

        long[] signatureCounts = countSignatures(keys);

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
        return new CollisionStats(n, totalRows, signatureCounts[1], signatureCounts[0], rowsUsed, maxPerRow,
                meanPerRow, distinctRowsHistogram);
    }

    /**
     * Parallel segments of entities, each counting rows into its own array (plain increments: atomic ones on a
     * cache-missing row cost more than the rest of the pass). Limited so the extra arrays stay small.
     */
    private int segments(int totalRows) {
        int wanted = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, n / MIN_ENTITIES_PER_SEGMENT));
        long affordable = 1 + EXTRA_COUNTERS / Math.max(1, totalRows);
        return (int) Math.max(1, Math.min(wanted, affordable));
    }

    /**
     * Fingerprint keys and per-row counts of entities [from, to); returns their distinct-rows histogram. The
     * fingerprint is a multiset hash (the sum of the mixed weighted rows), so no per-entity sort is needed: its
     * unpredictable branches would stall the row counters' memory accesses.
     */
    private long[] fingerprintRange(int from, int to, long[] keys, int[] entitiesPerRow) {
        long[] histogram = new long[k + 1];
        int[] seen = new int[k];
        for (int e = from; e < to; e++) {
            long sum = 0;
            int distinct = 0;
            for (int j = 0; j < k; j++) {
                int row = layout.globalRow(e, j);
                sum += mix(packed(row, signatureWeightBits(e, j)));
                boolean repeated = false;
                for (int i = 0; i < j; i++) {
                    repeated |= seen[i] == row;
                }
                seen[j] = row;
                if (!repeated) {
                    distinct++;
                    entitiesPerRow[row]++;
                }
            }
            histogram[distinct]++;
            keys[e] = (mix(sum) & FINGERPRINT_MASK) | e;
        }
        return histogram;
    }

    private static long packed(int globalRow, int weightBits) {
        return ((long) globalRow << 32) | (weightBits & 0xFFFF_FFFFL);
    }

    /** Returns {distinct signatures, entities sharing a signature}, grouping the keys by fingerprint. */
    private long[] countSignatures(long[] keys) {
        int bucketBits = Math.min(20, 31 - Integer.numberOfLeadingZeros(Math.max(1, n / ENTITIES_PER_BUCKET)));
        int shift = 64 - bucketBits;
        int buckets = 1 << bucketBits;
        int[] starts = new int[buckets + 1];
        for (long key : keys) {
            starts[bucketOf(key, shift) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        long[] bucketed = new long[n];
        int[] next = Arrays.copyOf(starts, buckets);
        for (long key : keys) {
            bucketed[next[bucketOf(key, shift)]++] = key;
        }
        long[][] perBucket = new long[buckets][];
        parallel(buckets, b -> perBucket[b] = countSortedRange(bucketed, starts[b], starts[b + 1]));
        long distinct = 0;
        long shared = 0;
        for (long[] counts : perBucket) {
            distinct += counts[0];
            shared += counts[1];
        }
        return new long[] {distinct, shared};
    }

    private static int bucketOf(long key, int shift) {
        return shift == 64 ? 0 : (int) (key >>> shift);
    }

    /** Sorts keys[from..to) and returns {distinct signatures, entities sharing a signature} among them. */
    private long[] countSortedRange(long[] keys, int from, int to) {
        Arrays.sort(keys, from, to);
        long distinct = 0;
        long shared = 0;
        int start = from;
        while (start < to) {
            int end = start + 1;
            while (end < to && (keys[end] & FINGERPRINT_MASK) == (keys[start] & FINGERPRINT_MASK)) {
                end++;
            }
            if (end - start == 1) {
                distinct++;
            } else {
                long[] groupCounts = countExactGroup(keys, start, end);
                distinct += groupCounts[0];
                shared += groupCounts[1];
            }
            start = end;
        }
        return new long[] {distinct, shared};
    }

    private static void parallel(int tasks, java.util.function.IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
        } else {
            IntStream.range(0, tasks).parallel().forEach(task);
        }
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
            out[j] = packed(layout.globalRow(entity, j), signatureWeightBits(entity, j));
        }
        for (int i = 1; i < k; i++) { // insertion sort: k is small, and a library call per entity costs more
            long value = out[i];
            int j = i - 1;
            while (j >= 0 && out[j] > value) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = value;
        }
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

    /**
     * The bits that stand for the weight of lookup {@code lookup} of {@code entity} in a sharing signature: the fixed
     * weight's float bits, or for trainable weights which weight parameter it is (two entities reading the same rows
     * through different trainable weights can still be told apart), or for concatenated blocks the block's place.
     */
    private int signatureWeightBits(int entity, int lookup) {
        return switch (kind) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> Float.floatToIntBits(layout.weight(entity, lookup));
            case TRAINABLE_WEIGHTS -> Integer.MIN_VALUE | (int) ((long) trainable.row(entity) * k + lookup);
            // blocks are ordered: a row read at block 0 is not the same as at block 1
            case BLOCKS -> lookup;
            case ENCODER -> throw new IllegalStateException("the constructor refuses encoders");
        };
    }
}
