package io.bloomfit.bench.train;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's limit for per-example training: how many random rows per second it can read and write back, in a
 * float table of a given size, from a given number of threads. Each access reads a row chosen uniformly (each
 * thread draws from its own seeded stream), adds a constant to each of its floats and stores them: the memory
 * traffic of one row's update in a lock-free SGD step, with none of its arithmetic. A trainer's examples per
 * second divided by this number over the rows an example updates is the share of that limit it reaches.
 */
public final class RowAccessProbe {

    /**
     * What one probe measured.
     *
     * @param rows     rows of the table
     * @param width    floats per row
     * @param threads  threads accessing it at once
     * @param accesses row updates over all threads
     * @param seconds  wall seconds they took
     */
    public record Result(int rows, int width, int threads, long accesses, double seconds) {

        /** Random row updates per second. */
        public double rowsPerSecond() {
            return accesses / seconds;
        }

        public String format() {
            return String.format(Locale.ROOT, "row probe: random read-modify-write of %d-float rows in a table of "
                            + "%,d rows (%.1f MB): %.1f M rows/s on %d thread%s", width, rows,
                    (double) rows * width * Float.BYTES / 1e6, rowsPerSecond() / 1e6, threads,
                    threads == 1 ? "" : "s");
        }
    }

    private RowAccessProbe() {
    }

    /**
     * Measures {@code accessesPerThread} random row updates on each of {@code threads} threads of a table of
     * {@code rows x width} floats, after an untimed warm-up of the same length.
     */
    public static Result measure(int rows, int width, int threads, long accessesPerThread, long seed) {
        float[] table = new float[Math.multiplyExact(rows, width)];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(table, rows, width, threads, accessesPerThread, seed, pool); // warm-up: JIT, page faults
            long start = System.nanoTime();
            float sink = run(table, rows, width, threads, accessesPerThread, seed + 1, pool);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (Float.isNaN(sink)) {
                throw new IllegalStateException("NaN in the probe table");
            }
            return new Result(rows, width, threads, accessesPerThread * threads, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static float run(float[] table, int rows, int width, int threads, long accesses, long seed,
                             ExecutorService pool) {
        java.util.List<Future<Float>> parts = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadSeed = seed * 31 + t;
            parts.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(threadSeed);
                for (long a = 0; a < accesses; a++) {
                    int base = random.nextInt(rows) * width;
                    for (int c = 0; c < width; c++) {
                        table[base + c] += 1e-3f;
                    }
                }
                return table[0];
            }));
        }
        float sink = 0;
        for (Future<Float> part : parts) {
            try {
                sink += part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return sink;
    }
}
