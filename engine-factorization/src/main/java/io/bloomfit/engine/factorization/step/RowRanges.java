package io.bloomfit.engine.factorization.step;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits the work of a sparse step (gathering touched rows, combining entities' rows, accumulating and applying
 * row gradients) across the cores. Most of it is random memory access, bound by latency rather than arithmetic,
 * so two cores running it nearly halve its time. Small ranges run on the caller: forking costs more than it saves
 * there: a range is split only when each part has at least {@value #MIN_FLOATS_PER_TASK} floats of work, because
 * handing work to a parked worker thread costs tens of microseconds (more on a virtual machine, where waking an
 * idle virtual CPU goes through the hypervisor), as much as a sparse step's gather or update of a 1024-example batch
 * takes on one core; at that batch size the sparse part of a step stays on the caller, and the dense pass over a
 * whole table is what gets split. Each index of the range is handled by exactly one task, so the result does not
 * depend on how the range is split.
 */
public final class RowRanges {

    /** The smallest number of rows worth handing to another thread, whatever their width. */
    public static final int MIN_ROWS_PER_TASK = 256;

    /** The least work, in floats read or written, worth handing to another thread (2 MiB). */
    public static final int MIN_FLOATS_PER_TASK = 1 << 19;

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

    /** As {@link #forRange(int, int, int, RangeTask)} for indices of one float of work each. */
    public static int forRange(int n, int threads, RangeTask task) {
        return forRange(n, 1, threads, task);
    }

    /**
     * Runs {@code task} over {@code [0, n)}, each index {@code floatsPerIndex} floats of work, split into at most
     * {@code threads} contiguous parts run in parallel when each part gets at least {@value #MIN_ROWS_PER_TASK}
     * indices and {@value #MIN_FLOATS_PER_TASK} floats. Returns the number of parts (threads) it ran on.
     */
    public static int forRange(int n, int floatsPerIndex, int threads, RangeTask task) {
        long work = (long) n * Math.max(1, floatsPerIndex);
        int parts = (int) Math.min(Math.min(threads, n / MIN_ROWS_PER_TASK), work / MIN_FLOATS_PER_TASK);
        if (parts <= 1) {
            task.run(0, n);
            return 1;
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
        return parts;
    }
}
