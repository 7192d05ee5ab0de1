package io.bloomfit.layout;

import io.bloomfit.api.embed.EncoderLayout;
import io.bloomfit.api.embed.EntityEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sharing statistics of an encoder layout (DHE). Two entities get the same embedding whatever training does
 * exactly when all their hash features fall in the same buckets, so the signature of an entity is its sequence of
 * feature buckets: fingerprinted to 33 bits, sorted, and compared exactly where fingerprints agree. Every entity
 * reads every parameter of the network, so {@code rowsUsed} is all the packed rows, each "row" is read by every
 * entity, and the distinct-rows histogram has every entity at 1 (its one table).
 */
final class EncoderCollisions {

    private static final long FINGERPRINT_MASK = 0xFFFF_FFFF_8000_0000L; // high 33 bits; low 31 hold the entity

    private final EncoderLayout layout;
    private final EntityEncoder encoder;
    private final int n;

    EncoderCollisions(EncoderLayout layout) {
        this.layout = layout;
        this.encoder = layout.encoder();
        this.n = layout.numEntities();
    }

    CollisionStats count() {
        long[] keys = new long[n];
        IntStream.range(0, n).parallel().forEach(e -> keys[e] = (fingerprint(e) & FINGERPRINT_MASK) | e);
        Arrays.parallelSort(keys);
        long distinct = 0;
        long shared = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (keys[end] & FINGERPRINT_MASK) == (keys[start] & FINGERPRINT_MASK)) {
                end++;
            }
            if (end - start == 1) {
                distinct++;
            } else {
                long[] counts = exactGroups(keys, start, end);
                distinct += counts[0];
                shared += counts[1];
            }
            start = end;
        }
        int rows = layout.totalRows();
        return new CollisionStats(n, rows, shared, distinct, rows, n, n, new long[] {0, n});
    }

    private long fingerprint(int entity) {
        long h = 0x9E37_79B9_7F4A_7C15L;
        for (int j = 0; j < encoder.numFeatures(); j++) {
            h = mix(h ^ encoder.bucket(entity, j)) + j;
        }
        return mix(h);
    }

    /** {distinct signatures, entities sharing one} among the entities of keys[start..end). */
    private long[] exactGroups(long[] keys, int start, int end) {
        List<long[]> representatives = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        for (int i = start; i < end; i++) {
            int e = (int) (keys[i] & ~FINGERPRINT_MASK);
            long[] buckets = new long[encoder.numFeatures()];
            for (int j = 0; j < buckets.length; j++) {
                buckets[j] = encoder.bucket(e, j);
            }
            int found = -1;
            for (int r = 0; r < representatives.size() && found < 0; r++) {
                if (Arrays.equals(representatives.get(r), buckets)) {
                    found = r;
                }
            }
            if (found < 0) {
                representatives.add(buckets);
                sizes.add(new int[] {1});
            } else {
                sizes.get(found)[0]++;
            }
        }
        long shared = 0;
        for (int[] size : sizes) {
            if (size[0] > 1) {
                shared += size[0];
            }
        }
        return new long[] {representatives.size(), shared};
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
