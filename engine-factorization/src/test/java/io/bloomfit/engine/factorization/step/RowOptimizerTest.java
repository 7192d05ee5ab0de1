package io.bloomfit.engine.factorization.step;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Row-wise optimizers against hand-worked PyTorch formulas. */
class RowOptimizerTest {

    @Test
    void sgdSumsRepeatedRowsAndLeavesOthersAlone() {
        float[] p = {1, 1, 2, 2, 3, 3};
        RowOptimizer sgd = RowOptimizer.create(RowOptimizer.Kind.SGD, p, 3, 2, 0.5f);
        // row 2 receives (1, 0) and (1, 2): sum (2, 2); row 0 receives (4, -4)
        sgd.step(new int[] {2, 0, 2}, new float[] {1, 0, 4, -4, 1, 2});
        assertThat(sgd.parameters()).containsExactly(-1f, 3f, 2f, 2f, 2f, 2f);
    }

    @Test
    void sparseAdamFollowsPyTorchSparseAdam() {
        float[] p = {0, 0};
        RowOptimizer adam = RowOptimizer.create(RowOptimizer.Kind.SPARSE_ADAM, p, 2, 1, 0.1f);
        // step 1, g = 2: m = 0.2, v = 0.004; step size = 0.1 * sqrt(1 - 0.999) / (1 - 0.9)
        // p = -stepSize * 0.2 / (sqrt(0.004) + 1e-8) = -0.1 * 0.0316228 / 0.1 * 0.2 / 0.0632456 = -0.1 (to 1e-6)
        adam.step(new int[] {0}, new float[] {2});
        p = adam.parameters();
        assertThat(p[0]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(p[1]).isZero();
        // step 2 touches only row 1 with g = -1: its moments start from zero but the bias correction uses t = 2:
        // m = -0.1, v = 0.001; step = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.81) = 0.1 * 0.0447102 / 0.19 = 0.0235317
        // p1 = -0.0235317 * -0.1 / 0.0316228 = 0.0744130
        adam.step(new int[] {1}, new float[] {-1});
        p = adam.parameters();
        assertThat(p[0]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(p[1]).isCloseTo(0.0744130f, within(1e-5f));
    }

    @Test
    void gatherReturnsTheCurrentParametersOfEachDistinctRowOnce() {
        RowOptimizer adam = RowOptimizer.create(RowOptimizer.Kind.SPARSE_ADAM, new float[] {1, 2, 3, 4}, 2, 2, 0.1f);
        int[] slots = new int[3];
        assertThat(adam.gather(new int[] {1, 1, 0}, slots)).isEqualTo(2);
        assertThat(slots).containsExactly(0, 0, 1);
        assertThat(java.util.Arrays.copyOf(adam.gathered(), 4)).containsExactly(3f, 4f, 1f, 2f);
    }

    @Test
    void sparseAdagradFollowsPyTorchAdagrad() {
        float[] p = {1};
        RowOptimizer adagrad = RowOptimizer.create(RowOptimizer.Kind.SPARSE_ADAGRAD, p, 1, 1, 0.5f);
        adagrad.step(new int[] {0}, new float[] {3});  // sum 9: p = 1 - 0.5 * 3 / 3 = 0.5
        adagrad.step(new int[] {0}, new float[] {4});  // sum 25: p = 0.5 - 0.5 * 4 / 5 = 0.1
        assertThat(adagrad.parameters()[0]).isCloseTo(0.1f, within(1e-6f));
    }

    @Test
    void denseAdamMovesEveryRowEveryStepAsPyTorchAdam() {
        RowOptimizer adam = RowOptimizer.create(RowOptimizer.Kind.DENSE_ADAM, new float[] {1, 1}, 2, 1, 0.1f);
        // step 1, row 0 g = 1 (row 1 g = 0, and stays: m = v = 0): m = 0.1, v = 0.001,
        // step size = 0.1 * sqrt(0.001) / 0.1 = 0.0316228; p0 = 1 - 0.0316228 * 0.1 / 0.0316228 = 0.9
        adam.step(new int[] {0}, new float[] {1});
        assertThat(adam.parameters()).containsExactly(new float[] {0.9f, 1f}, within(1e-6f));
        // step 2, only row 1 has a gradient (g = 1), yet row 0 moves on its decayed moments, as dense Adam does:
        // step size = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0235317
        // row 0: m = 0.09, v = 0.000999: p0 = 0.9 - 0.0235317 * 0.09 / 0.0316070 = 0.8329942
        // row 1: m = 0.1, v = 0.001:     p1 = 1 - 0.0235317 * 0.1 / 0.0316228 = 0.9255863
        adam.step(new int[] {1}, new float[] {1});
        assertThat(adam.parameters()).containsExactly(new float[] {0.8329942f, 0.9255863f}, within(1e-6f));
    }

    /**
     * The dense pass (untouched rows take the g = 0 update without reading a gradient; touched rows in any order)
     * gives, bit for bit, Adam over a zero-filled dense gradient as PyTorch defines it, written out here float by
     * float, whether a step touches few rows or most of them; and the same with the table split across 3 threads,
     * which a table this large is.
     */
    @Test
    void denseAdamEqualsAdamOverAZeroFilledDenseGradientOnAnyNumberOfThreads() {
        int rows = 70_000;
        int width = 8;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] start = new float[rows * width];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) random.nextGaussian();
        }
        int steps = 4;
        int[][] touched = new int[steps][];
        float[][] gradients = new float[steps][];
        for (int s = 0; s < steps; s++) {
            // from sparse (first-appearance order) to dense (row order), then a step touching most rows (one loop
            // over every row's gradient: DenseAdam.FULL_PASS_DENSITY)
            touched[s] = new int[s < 3 ? 500 + 2_000 * s : 60_000];
            gradients[s] = new float[touched[s].length * width];
            for (int i = 0; i < touched[s].length; i++) {
                touched[s][i] = random.nextInt(rows); // repeats too
            }
            for (int i = 0; i < gradients[s].length; i++) {
                gradients[s][i] = (float) random.nextGaussian();
            }
        }
        float lr = 0.01f;
        float[] p = start.clone();
        float[] m = new float[p.length];
        float[] v = new float[p.length];
        for (int s = 0; s < steps; s++) {
            float[] dense = new float[p.length];
            for (int i = 0; i < touched[s].length; i++) {
                for (int c = 0; c < width; c++) {
                    dense[touched[s][i] * width + c] += gradients[s][i * width + c];
                }
            }
            int t = s + 1;
            float stepSize = (float) (lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)));
            for (int i = 0; i < p.length; i++) {
                float g = dense[i];
                m[i] = m[i] + (g - m[i]) * (float) (1 - 0.9);
                v[i] = v[i] + (g * g - v[i]) * (float) (1 - 0.999);
                p[i] = p[i] - stepSize * m[i] / ((float) Math.sqrt(v[i]) + 1e-8f);
            }
        }
        for (int threads : new int[] {1, 3}) {
            RowOptimizer adam = RowOptimizer.create(RowOptimizer.Kind.DENSE_ADAM, start, rows, width, lr);
            adam.threads(threads);
            for (int s = 0; s < steps; s++) {
                adam.step(touched[s], gradients[s]);
            }
            float[] actual = adam.parameters();
            for (int i = 0; i < p.length; i++) {
                if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(p[i])) {
                    throw new AssertionError(threads + " threads: float " + i + " is " + actual[i] + ", expected "
                            + p[i]);
                }
            }
            assertThat(adam.threadsUsed()).isEqualTo(threads);
        }
    }
}
