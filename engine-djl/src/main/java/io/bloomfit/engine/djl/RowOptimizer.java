package io.bloomfit.engine.djl;

import io.bloomfit.api.train.OptimizerKind;

import java.util.Arrays;

/**
 * An optimizer that updates only the rows a step touched. Gradients arrive as one entry per lookup (rows may
 * repeat, as in a COO gradient); they are summed per row first (PyTorch's {@code coalesce}), then each touched
 * row is updated once. Follows PyTorch's {@code SparseAdam}, sparse {@code Adagrad} and {@code SGD} formulas.
 *
 * <p>Each row's parameters and optimizer state are stored together ({@code [p | m | v]} for Adam), so a touched
 * row is one contiguous region of memory: with rows scattered over a large table, the cost of a step is mostly
 * these random accesses.
 */
abstract class RowOptimizer {

    /** The row-wise optimizers. */
    enum Kind {
        SPARSE_ADAM,
        SPARSE_ADAGRAD,
        SGD;

        static Kind of(OptimizerKind kind) {
            return switch (kind) {
                case SPARSE_ADAM -> SPARSE_ADAM;
                case SPARSE_ADAGRAD -> SPARSE_ADAGRAD;
                case SGD -> SGD;
                case ADAM -> throw new IllegalArgumentException("adam is the dense optimizer, not a row-wise one");
            };
        }
    }

    private final float[] records;  // rows x (arrays * width): parameters, then each state array
    private final int arrays;
    private final int stride;
    protected final int width;
    protected final float learningRate;
    private final int[] slotOfRow;
    private int[] touched = new int[0];
    private float[] sums = new float[0];
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

    static RowOptimizer create(Kind kind, float[] parameters, int rows, int width, float learningRate) {
        return switch (kind) {
            case SPARSE_ADAM -> new SparseAdam(parameters, rows, width, learningRate);
            case SPARSE_ADAGRAD -> new SparseAdagrad(parameters, rows, width, learningRate);
            case SGD -> new RowSgd(parameters, rows, width, learningRate);
        };
    }

    /** One step: {@code gradients[i * width ..]} is a gradient contribution to row {@code rows[i]}. */
    final void step(int[] rows, float[] gradients) {
        if (touched.length < rows.length) {
            touched = new int[rows.length];
            sums = new float[rows.length * width];
        }
        int unique = 0;
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int slot = slotOfRow[row];
            if (slot < 0) {
                slot = unique++;
                slotOfRow[row] = slot;
                touched[slot] = row;
                System.arraycopy(gradients, i * width, sums, slot * width, width);
            } else {
                int s = slot * width;
                int g = i * width;
                for (int d = 0; d < width; d++) {
                    sums[s + d] += gradients[g + d];
                }
            }
        }
        steps++;
        beginStep();
        // gather the touched rows of the parameters and state into contiguous scratch arrays, update them in one
        // long loop (same index in every array, so the JIT vectorises it), scatter them back: measured 2-3x
        // faster than updating row by row in place
        if (scratch == null || scratch[0].length < unique * width) {
            scratch = new float[arrays][rows.length * width];
        }
        for (int slot = 0; slot < unique; slot++) {
            int base = touched[slot] * stride;
            for (int a = 0; a < arrays; a++) {
                System.arraycopy(records, base + a * width, scratch[a], slot * width, width);
            }
        }
        update(scratch, sums, unique * width);
        for (int slot = 0; slot < unique; slot++) {
            int base = touched[slot] * stride;
            for (int a = 0; a < arrays; a++) {
                System.arraycopy(scratch[a], slot * width, records, base + a * width, width);
            }
        }
        for (int slot = 0; slot < unique; slot++) {
            slotOfRow[touched[slot]] = -1;
        }
    }

    private float[][] scratch;

    /** Called once per step before the rows are updated ({@link #steps} already counts this step). */
    void beginStep() {
    }

    /** Copies the parameters of {@code row} into {@code dst[offset .. offset + width)}. */
    final void readRow(int row, float[] dst, int offset) {
        System.arraycopy(records, row * stride, dst, offset, width);
    }

    /** The current parameters, row-major (a copy). */
    final float[] parameters() {
        int rows = records.length / stride;
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(records, r * stride, out, r * width, width);
        }
        return out;
    }

    /**
     * Updates {@code length} floats: {@code rows[0]} holds the touched parameters, {@code rows[1..]} their state,
     * {@code gradient} the summed gradients, all at the same index.
     */
    abstract void update(float[][] rows, float[] gradient, int length);

    /** PyTorch's {@code SparseAdam} (lazy Adam): moments of untouched rows do not decay. */
    static final class SparseAdam extends RowOptimizer {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final float EPS = 1e-8f;
        private float stepSize;

        SparseAdam(float[] parameters, int rows, int width, float learningRate) {
            super(parameters, rows, width, learningRate, 3);
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
