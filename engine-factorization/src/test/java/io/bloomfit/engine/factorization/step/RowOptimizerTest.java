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
}
