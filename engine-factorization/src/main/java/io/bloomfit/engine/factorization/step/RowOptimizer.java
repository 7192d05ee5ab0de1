package io.bloomfit.engine.factorization.step;

import io.bloomfit.api.train.OptimizerKind;

import java.util.Arrays;

/**
 * An optimizer that updates only the rows a step touched. A step is {@link #gather} (the distinct rows of the
 * step's lookups and their parameters) then {@link #apply} (one summed gradient per distinct row: a coalesced COO
 * gradient, as PyTorch's {@code coalesce} gives); {@link #step} takes uncoalesced contributions, one per lookup.
 * Each touched row is updated once, following PyTorch's {@code SparseAdam}, sparse {@code Adagrad} and
 * {@code SGD} formulas.
 *
 * <p>Each row's parameters and optimizer state are stored together ({@code [p | m | v]} for Adam), so a touched
 * row is one contiguous region of memory: with rows scattered over a large table, the cost of a step is mostly
 * these random accesses.
 */
public abstract class RowOptimizer {

    /** The row-wise optimizers, and dense Adam, which updates every row of the table each step. */
    public enum Kind {
        SPARSE_ADAM,
        SPARSE_ADAGRAD,
        SGD,
        /** PyTorch's (and DJL's) dense Adam: every row's parameters and moments, every step ({@link DenseAdam}). */
        DENSE_ADAM;

        /** The optimizer of {@code kind}. */
        public static Kind of(OptimizerKind kind) {
            return switch (kind) {
                case SPARSE_ADAM -> SPARSE_ADAM;
                case SPARSE_ADAGRAD -> SPARSE_ADAGRAD;
                case SGD -> SGD;
                case ADAM -> DENSE_ADAM;
            };
        }
    }

    private final float[] records;  // rows x (arrays * width): parameters, then each state array
    private final int arrays;
    private final int stride;
    protected final int width;
    protected final float learningRate;
    private final int[] slotOfRow;
    /** Rows handled together in a gather or an update (see {@link #touch}). */
    private static final int BLOCK_ROWS = 64;
    /** Above one distinct row in this many rows of the table, a step visits rows in row order. */
    private static final int SWEEP_DENSITY = 32;
    /** Floats per 64-byte cache line. */
    private static final int LINE_FLOATS = 16;
    private int[] touched = new int[0];
    private int[] order = new int[0];
    private float[] params = new float[0];
    private int unique;
    private float sink;
    private int threads = RowRanges.threads();
    private int threadsUsed = 1;
    protected long steps;

    RowOptimizer(float[] parameters, int rows, int width, float learningRate, int arrays) {
        this.arrays = arrays;
        this.stride = arrays * width;
        long floats = (long) rows * stride;
        if (floats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a table of " + rows + " rows of " + width + " floats with "
                    + (arrays - 1) + " optimizer state arrays exceeds 2^31 floats; use a smaller dimension, a "
                    + "smaller compression ratio, or optimizer sgd");
        }
        this.records = new float[(int) floats];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(parameters, r * width, records, r * stride, width);
        }
        this.width = width;
        this.learningRate = learningRate;
        this.slotOfRow = new int[rows];
        Arrays.fill(slotOfRow, -1);
    }

    /** Threads that copy and update rows. */
    public final int threads() {
        return threads;
    }

    /** The most threads any row work of this table ran on so far (at least 1): {@link RowRanges} splits only large work. */
    public final int threadsUsed() {
        return threadsUsed;
    }

    /** Records that row work of this table ran on {@code parts} threads. */
    final void used(int parts) {
        threadsUsed = Math.max(threadsUsed, parts);
    }

    /** Limits the threads that copy and update rows (at least 1). */
    public final void threads(int value) {
        this.threads = Math.max(1, value);
    }

    /** An optimizer of {@code kind} over a copy of {@code parameters} ({@code rows x width}, row-major). */
    public static RowOptimizer create(Kind kind, float[] parameters, int rows, int width, float learningRate) {
        return switch (kind) {
            case SPARSE_ADAM -> new SparseAdam(parameters, rows, width, learningRate);
            case SPARSE_ADAGRAD -> new SparseAdagrad(parameters, rows, width, learningRate);
            case SGD -> new RowSgd(parameters, rows, width, learningRate);
            case DENSE_ADAM -> new DenseAdam(parameters, rows, width, learningRate);
        };
    }

    /**
     * One step from COO gradient contributions: {@code gradients[i * width ..]} is added to row {@code rows[i]}
     * (rows may repeat). Equivalent to {@link #gather} followed by {@link #apply} with the per-row sums.
     */
    public final void step(int[] rows, float[] gradients) {
        int[] slots = new int[rows.length];
        int distinct = gather(rows, slots);
        float[] sums = new float[distinct * width];
        for (int i = 0; i < rows.length; i++) {
            int s = slots[i] * width;
            int g = i * width;
            for (int d = 0; d < width; d++) {
                sums[s + d] += gradients[g + d];
            }
        }
        apply(sums);
    }

    /**
     * Starts a step on the rows {@code rows} (which may repeat): sets {@code slots[i]} to the index of
     * {@code rows[i]} among the distinct rows, in order of first appearance, and copies the parameters of each
     * distinct row once into {@link #gathered()}. Returns the number of distinct rows.
     */
    public final int gather(int[] rows, int[] slots) {
        if (touched.length < rows.length) {
            touched = new int[rows.length];
            params = new float[rows.length * width];
        }
        int distinct = 0;
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int slot = slotOfRow[row];
            if (slot < 0) {
                slot = distinct++;
                slotOfRow[row] = slot;
                touched[slot] = row;
            }
            slots[i] = slot;
        }
        orderRows(distinct);
        unique = distinct;
        used(RowRanges.forRange(distinct, width, threads, (from, to) -> {
            for (int first = from; first < to; first += BLOCK_ROWS) {
                int end = Math.min(to, first + BLOCK_ROWS);
                touch(first, end, width);
                for (int i = first; i < end; i++) {
                    int slot = order[i];
                    System.arraycopy(records, touched[slot] * stride, params, slot * width, width);
                }
            }
        }));
        return distinct;
    }

    /**
     * Decides the order in which the step's distinct rows are copied and updated, and clears {@link #slotOfRow}.
     * When they are a sizeable share of the table (more than one row in {@value #SWEEP_DENSITY}), they go in row
     * order, found by one pass over the table's slot marks: memory is then read nearly sequentially, which the
     * hardware prefetcher streams, instead of at random. Otherwise in order of first appearance. Either way each
     * row is updated once, so the result is the same.
     */
    private void orderRows(int distinct) {
        if (order.length < touched.length) {
            order = new int[touched.length];
        }
        if ((long) distinct * SWEEP_DENSITY >= slotOfRow.length) {
            int n = 0;
            for (int row = 0; row < slotOfRow.length; row++) {
                int slot = slotOfRow[row];
                if (slot >= 0) {
                    order[n++] = slot;
                    slotOfRow[row] = -1;
                }
            }
        } else {
            for (int slot = 0; slot < distinct; slot++) {
                order[slot] = slot;
                slotOfRow[touched[slot]] = -1;
            }
        }
    }

    /** The parameters of the rows of the last {@link #gather}, slot by slot ({@code slots * width} floats). */
    public final float[] gathered() {
        return params;
    }

    /** Distinct rows of the last {@link #gather} (the slots {@link #apply} expects). */
    public final int gatheredRows() {
        return unique;
    }

    /**
     * Ends the step begun by {@link #gather}: {@code gradient[slot * width ..]} is the summed gradient of each
     * distinct row (a coalesced COO gradient); each row is updated once. Rows go in blocks: request a block's
     * records, copy parameters and state into small per-array buffers, update them in one loop (the same index in
     * every array, so the JIT vectorises it: 2-3x faster than updating rows in place), and write them back while
     * they are still in cache.
     */
    public void apply(float[] gradient) {
        int distinct = unique;
        steps++;
        beginStep();
        used(RowRanges.forRange(distinct, 2 * stride + width, threads, (from, to) -> {
            float[][] block = new float[arrays][BLOCK_ROWS * width];
            float[] blockGradient = new float[BLOCK_ROWS * width];
            for (int first = from; first < to; first += BLOCK_ROWS) {
                int end = Math.min(to, first + BLOCK_ROWS);
                touch(first, end, stride);
                for (int i = first; i < end; i++) {
                    int slot = order[i];
                    int base = touched[slot] * stride;
                    int at = (i - first) * width;
                    for (int a = 0; a < arrays; a++) {
                        System.arraycopy(records, base + a * width, block[a], at, width);
                    }
                    System.arraycopy(gradient, slot * width, blockGradient, at, width);
                }
                update(block, blockGradient, (end - first) * width);
                for (int i = first; i < end; i++) {
                    int base = touched[order[i]] * stride;
                    int at = (i - first) * width;
                    for (int a = 0; a < arrays; a++) {
                        System.arraycopy(block[a], at, records, base + a * width, width);
                    }
                }
            }
        }));
        unique = 0;
    }

    /**
     * Reads one float of every cache line of the first {@code floats} floats of the records of the rows
     * {@code order[from .. to)}. The loads are independent, so the CPU keeps many of these cache misses in flight
     * at once, and the copies that follow find the rows in cache; copying row after row instead waits for each miss
     * in turn.
     * Where a miss costs about 200 ns (the 2-core benchmark machine) this halves the time of a gather. Java has no
     * prefetch instruction; this is the portable equivalent.
     */
    private void touch(int from, int to, int floats) {
        float acc = 0;
        for (int i = from; i < to; i++) {
            int base = touched[order[i]] * stride;
            for (int f = 0; f < floats; f += LINE_FLOATS) {
                acc += records[base + f];
            }
            acc += records[base + floats - 1]; // rows need not start on a line boundary
        }
        if (acc == Float.MIN_VALUE) {
            sink = acc; // never true in practice; keeps the loads from being optimised away
        }
    }

    /** Called once per step before the rows are updated ({@link #steps} already counts this step). */
    void beginStep() {
    }

    /** The current parameters, row-major (a copy). */
    public final float[] parameters() {
        int rows = records.length / stride;
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(records, r * stride, out, r * width, width);
        }
        return out;
    }

    /**
     * Updates {@code length} floats: {@code rows[0][i]} is a touched parameter, {@code rows[1..][i]} its state and
     * {@code gradient[i]} its summed gradient.
     */
    abstract void update(float[][] rows, float[] gradient, int length);

    /** PyTorch's {@code SparseAdam} (lazy Adam): moments of untouched rows do not decay. */
    static class SparseAdam extends RowOptimizer {
        static final double BETA1 = 0.9;
        static final double BETA2 = 0.999;
        static final float EPS = 1e-8f;
        private float stepSize;

        SparseAdam(float[] parameters, int rows, int width, float learningRate) {
            this(parameters, rows, width, learningRate, 3);
        }

        /** With {@code arrays} record arrays: 3 ({@code [p | m | v]}), or 1 where a subclass keeps the moments. */
        SparseAdam(float[] parameters, int rows, int width, float learningRate, int arrays) {
            super(parameters, rows, width, learningRate, arrays);
        }

        /** The step size of the current step (bias corrections included), set by {@link #beginStep}. */
        final float stepSizeNow() {
            return stepSize;
        }

        @Override
        void beginStep() {
            double correction1 = 1 - Math.pow(BETA1, steps);
            double correction2 = 1 - Math.pow(BETA2, steps);
            stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
        }

        @Override
        void update(float[][] rows, float[] gradient, int length) {
            float[] p = rows[0];
            float[] mm = rows[1];
            float[] vv = rows[2];
            float c1 = (float) (1 - BETA1);
            float c2 = (float) (1 - BETA2);
            float step = stepSize;
            for (int i = 0; i < length; i++) {
                float g = gradient[i];
                float mi = mm[i] + (g - mm[i]) * c1;
                float vi = vv[i] + (g * g - vv[i]) * c2;
                mm[i] = mi;
                vv[i] = vi;
                p[i] = p[i] - step * mi / ((float) Math.sqrt(vi) + EPS);
            }
        }
    }

    /**
     * Dense Adam as PyTorch's and DJL's {@code Adam} (same formula as {@link SparseAdam}): untouched rows get a zero
     * gradient, so every row's moments decay and every row moves, every step. Parameters and the two moments are
     * three separate row-major arrays (a dense pass reads every row anyway, so nothing is gained by keeping a row's
     * state together), and a step is one pass over them in row order: the rows between two touched rows take the
     * {@code g = 0} update in one loop over the same index of the three arrays, which the JIT vectorises and which
     * reads no gradient; each run of consecutive touched rows takes its gradients from a table-sized gradient
     * array at the same index (so that loop vectorises too: square roots and divisions sixteen at a time), which
     * holds only the touched rows' gradients and is cleared behind them. Where touched rows are a large share of
     * the table (one in {@value #FULL_PASS_DENSITY} rows or more, as in small Bloom tables), runs are a few rows
     * long and switching between the two loops costs more than the gradient reads it saves: the step is then one
     * loop over every row that reads every row's gradient (zero where untouched, which gives the same floats as
     * the {@code g = 0} update). Otherwise only touched rows' gradients are written or read, and nothing else is
     * copied: a step costs the table's size, as the seed's claim about dense optimizers
     * assumes, without per-operation overhead on top. The result is the one of the update with a zero-filled
     * dense gradient, bit for bit.
     */
    static final class DenseAdam extends SparseAdam {
        private final float[] m;
        private final float[] v;
        private final float[] g; // the touched rows' gradients at their rows' places; zero everywhere else
        private long[] sorted = new long[0]; // (row << 32) | slot of the touched rows, in row order
        /**
         * From one touched row in this many rows of the table, a step is one loop over every row that reads every
         * row's gradient (zero where untouched: the same floats as the {@code g = 0} update), instead of runs.
         */
        static final int FULL_PASS_DENSITY = 8;

        DenseAdam(float[] parameters, int rows, int width, float learningRate) {
            super(parameters, rows, width, learningRate, 1);
            int floats = Math.multiplyExact(rows, width);
            this.m = new float[floats];
            this.v = new float[floats];
            this.g = new float[floats];
        }

        @Override
        public void apply(float[] gradient) {
            RowOptimizer self = this;
            int distinct = self.unique;
            float[] p = self.records;
            int rows = p.length / width;
            for (int slot = 0; slot < distinct; slot++) {
                System.arraycopy(gradient, slot * width, g, self.touched[slot] * width, width);
            }
            steps++;
            beginStep();
            if ((long) distinct * FULL_PASS_DENSITY >= rows) {
                // touched rows are everywhere: runs would be a few rows long, and switching between the two loops
                // would cost more than reading the (mostly non-zero) gradient of every row
                used(RowRanges.forRange(rows, 8 * width, threads(),
                        (from, to) -> touchedRun(p, from * width, to * width)));
                self.unique = 0;
                return;
            }
            if (sorted.length < distinct) {
                sorted = new long[Math.max(distinct, 2 * sorted.length)];
            }
            boolean inOrder = true;
            for (int i = 0; i < distinct; i++) {
                int slot = self.order[i];
                sorted[i] = ((long) self.touched[slot] << 32) | slot;
                inOrder &= i == 0 || sorted[i] > sorted[i - 1];
            }
            if (!inOrder) {
                Arrays.sort(sorted, 0, distinct);
            }
            long[] touchedRows = sorted;
            used(RowRanges.forRange(rows, 6 * width, threads(), (from, to) -> {
                // the first touched row at or after `from`
                int lo = 0;
                int hi = distinct;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if ((int) (touchedRows[mid] >>> 32) < from) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                int next = from;
                int t = lo;
                while (t < distinct && (int) (touchedRows[t] >>> 32) < to) {
                    // a run of consecutive touched rows [start, end): one loop over their floats
                    int start = (int) (touchedRows[t] >>> 32);
                    int end = start + 1;
                    t++;
                    while (t < distinct && (int) (touchedRows[t] >>> 32) == end && end < to) {
                        end++;
                        t++;
                    }
                    decay(p, next * width, start * width);
                    touchedRun(p, start * width, end * width);
                    next = end;
                }
                decay(p, next * width, to * width);
            }));
            self.unique = 0;
        }

        /** The {@code g = 0} update of floats {@code [from, to)}: {@link SparseAdam#update}'s formula with g = 0. */
        private void decay(float[] p, int from, int to) {
            float[] mm = m;
            float[] vv = v;
            float c1 = (float) (1 - BETA1);
            float c2 = (float) (1 - BETA2);
            float step = stepSizeNow();
            for (int i = from; i < to; i++) {
                float mi = mm[i] + (0f - mm[i]) * c1;
                float vi = vv[i] + (0f * 0f - vv[i]) * c2;
                mm[i] = mi;
                vv[i] = vi;
                p[i] = p[i] - step * mi / ((float) Math.sqrt(vi) + EPS);
            }
        }

        /**
         * The update of floats {@code [from, to)} (touched rows) with their gradients in {@link #g}, which it clears
         * for the next step: the same index in every array, so the JIT vectorises it.
         */
        private void touchedRun(float[] p, int from, int to) {
            float[] mm = m;
            float[] vv = v;
            float[] gg = g;
            float c1 = (float) (1 - BETA1);
            float c2 = (float) (1 - BETA2);
            float step = stepSizeNow();
            for (int i = from; i < to; i++) {
                float gi = gg[i];
                gg[i] = 0f;
                float mi = mm[i] + (gi - mm[i]) * c1;
                float vi = vv[i] + (gi * gi - vv[i]) * c2;
                mm[i] = mi;
                vv[i] = vi;
                p[i] = p[i] - step * mi / ((float) Math.sqrt(vi) + EPS);
            }
        }
    }

    /** PyTorch's sparse {@code Adagrad} (no learning-rate decay, initial accumulator 0, eps 1e-10). */
    static final class SparseAdagrad extends RowOptimizer {
        private static final float EPS = 1e-10f;
        SparseAdagrad(float[] parameters, int rows, int width, float learningRate) {
            super(parameters, rows, width, learningRate, 2);
        }

        @Override
        void update(float[][] rows, float[] gradient, int length) {
            float[] p = rows[0];
            float[] s = rows[1];
            float lr = learningRate;
            for (int i = 0; i < length; i++) {
                float g = gradient[i];
                float si = s[i] + g * g;
                s[i] = si;
                p[i] = p[i] - lr * g / ((float) Math.sqrt(si) + EPS);
            }
        }
    }

    /** Plain SGD on the touched rows. */
    static final class RowSgd extends RowOptimizer {
        RowSgd(float[] parameters, int rows, int width, float learningRate) {
            super(parameters, rows, width, learningRate, 1);
        }

        @Override
        void update(float[][] rows, float[] gradient, int length) {
            float[] p = rows[0];
            float lr = learningRate;
            for (int i = 0; i < length; i++) {
                p[i] = p[i] - lr * gradient[i];
            }
        }
    }
}
