package io.bloomfit.embed;

import io.bloomfit.api.hash.HashFunction;

import java.util.stream.IntStream;

/**
 * The parallel kernel of hashing compressors: fills entity-major row and sign arrays once, so that training
 * only indexes them. Work is split into chunks of entities (one ForkJoin task each, no boxing) and every
 * entity's value depends on (entity, seed) alone, so the result does not depend on the thread count.
 */
final class HashedLookups {

    /** Entities per parallel task: large enough to amortise task overhead, small enough to balance 2-64 cores. */
    private static final int CHUNK = 1 << 15;

    private HashedLookups() {
    }

    /**
     * {@code rows[e * k + j] = Long.remainderUnsigned(hash.hash(e, seeds[j]), m)} for every entity
     * {@code e < n} and lookup {@code j < k = seeds.length}.
     * Within a chunk the loop runs lookup by lookup, so consecutive calls share one seed (hash functions that
     * cache per-seed state hit their cache).
     */
    static int[] rows(HashFunction hash, long[] seeds, int n, int m, String compressor) {
        int k = seeds.length;
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("compressor '" + compressor + "': numEntities " + n + " times numHashes "
                    + k + " is " + ((long) n * k) + " lookups; at most " + (Integer.MAX_VALUE - 8)
                    + " fit in one index map: lower numHashes or split the entities");
        }
        int[] rows = new int[n * k];
        long divisor = m;
        forEachChunk(n, (from, to) -> {
            for (int j = 0; j < k; j++) {
                long seed = seeds[j];
                for (int e = from; e < to; e++) {
                    rows[e * k + j] = (int) Long.remainderUnsigned(hash.hash(e, seed), divisor);
                }
            }
        });
        return rows;
    }

    /**
     * {@code signs[e] = +1} when the lowest bit of {@code hash.hash(e, seed)} is 0, else -1. The lowest bit is
     * used because 32-bit functions leave the high bits zero.
     */
    static float[] signs(HashFunction hash, long seed, int n) {
        float[] signs = new float[n];
        forEachChunk(n, (from, to) -> {
            for (int e = from; e < to; e++) {
                signs[e] = (hash.hash(e, seed) & 1L) == 0 ? 1f : -1f;
            }
        });
        return signs;
    }

    private static void forEachChunk(int n, ChunkBody body) {
        int chunks = (int) (((long) n + CHUNK - 1) / CHUNK);
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            body.run(from, (int) Math.min(n, (long) from + CHUNK));
        });
    }

    @FunctionalInterface
    private interface ChunkBody {
        void run(int from, int to);
    }
}
