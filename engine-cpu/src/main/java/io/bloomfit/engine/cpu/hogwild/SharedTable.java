package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.train.OptimizerKind;

/**
 * One parameter table of a hogwild fit, {@code rows x width} floats row-major, shared by every thread of the fit
 * and updated in place without locks (Hogwild: Recht et al. 2011; examples touch few rows, so updates rarely
 * collide, and a lost update costs one example's step). {@code sgd} subtracts {@code lr * g}; {@code sparse-adagrad}
 * keeps a per-float accumulator of squared gradients beside the table and follows PyTorch's {@code Adagrad}
 * (initial accumulator 0, eps 1e-10, no decay).
 */
final class SharedTable {

    private static final float EPS = 1e-10f;

    private final float[] values;
    private final float[] accumulators; // null for sgd
    private final int width;
    private final float learningRate;

    /** A table over {@code values} (kept, not copied: the fit owns it). */
    SharedTable(float[] values, int width, OptimizerKind optimizer, float learningRate) {
        this.values = values;
        this.width = width;
        this.learningRate = learningRate;
        this.accumulators = switch (optimizer) {
            case SGD -> null;
            case SPARSE_ADAGRAD -> new float[values.length];
            default -> throw new IllegalArgumentException("hogwild implements sgd and sparse-adagrad, not "
                    + optimizer.specName());
        };
    }

    /** The parameters, row-major (the array itself). */
    float[] values() {
        return values;
    }

    int width() {
        return width;
    }

    /**
     * Applies gradient {@code scale * gradient[at..at+width)} to row {@code row}: each float of it rounded as
     * {@link #update(int, float[], int)} would see it had the product been stored first, so the result is the same
     * bit for bit.
     */
    void update(int row, float scale, float[] gradient, int at) {
        int base = row * width;
        float lr = learningRate;
        if (accumulators == null) {
            for (int c = 0; c < width; c++) {
                values[base + c] -= lr * (scale * gradient[at + c]);
            }
        } else {
            for (int c = 0; c < width; c++) {
                float g = scale * gradient[at + c];
                float s = accumulators[base + c] + g * g;
                accumulators[base + c] = s;
                values[base + c] -= lr * g / ((float) Math.sqrt(s) + EPS);
            }
        }
    }

    /** Applies gradient {@code gradient[at..at+width)} to row {@code row}. */
    void update(int row, float[] gradient, int at) {
        int base = row * width;
        float lr = learningRate;
        if (accumulators == null) {
            for (int c = 0; c < width; c++) {
                values[base + c] -= lr * gradient[at + c];
            }
        } else {
            for (int c = 0; c < width; c++) {
                float g = gradient[at + c];
                float s = accumulators[base + c] + g * g;
                accumulators[base + c] = s;
                values[base + c] -= lr * g / ((float) Math.sqrt(s) + EPS);
            }
        }
    }
}
