package io.bloomfit.engine.factorization.step;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits the work of a sparse step (gathering touched rows, combining entities' rows, accumulating and applying
 * row gradients) across the cores. Most of it is random memory access, bound by latency rather than arithmetic,
 * so two cores running it nearly halve its time. Small ranges run on the caller: forking costs more than it saves
 * there. Each index of the range is handled by exactly one task, so the result does not depend on how the range
 * is split.
 */
public final class RowRanges {

    /** The smallest number of rows worth handing to another thread. */
    public static final int MIN_ROWS_PER_TASK = 256;

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private RowRanges() {
    }

    /** Threads row work may use: the caller plus the common pool's workers. */
    public static int threads() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /**
     * Runs {@code task} over {@code [0, n)}, split into at most {@code threads} contiguous parts run in parallel
     * when {@code n} is large.
     */
    public static void forRange(int n, int threads, RangeTask task) {
        int parts = Math.min(threads, n / MIN_ROWS_PER_TASK);
        if (parts <= 1) {
            task.run(0, n);
            return;
        }
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            forked[p - 1] = ForkJoinPool.commonPool().submit(() -> task.run(from, to));
        }
        task.run(0, (int) ((long) n / parts));
        for (ForkJoinTask<?> f : forked) {
            f.join();
        }
    }
}
