package io.bloomfit.engine.factorization.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import org.junit.jupiter.api.Test;

class PairLossTest {

    /**
     * Spotlight's bounded BPR at pos 0.5, neg -0.5: s = sigmoid(1) = 0.7310586, loss 1 - s = 0.2689414,
     * d/dpos = -s (1 - s) = -0.7310586 * 0.2689414 = -0.1966119, d/dneg = +0.1966119.
     */
    @Test
    void boundedBprMatchesAHandComputedCase() {
        float[] gradient = new float[2];
        assertThat(PairLoss.of(Loss.BPR_BOUNDED, 0.5f, -0.5f, gradient)).isCloseTo(0.2689414, within(1e-7));
        assertThat(gradient).containsExactly(new float[] {-0.1966119f, 0.1966119f}, within(1e-7f));
    }

    /**
     * Spotlight's bounded pointwise loss at pos 0.5, neg -0.5: sigmoid(0.5) = 0.6224593, sigmoid(-0.5) = 0.3775407;
     * loss (1 - 0.6224593) + 0.3775407 = 0.7550813; d/dpos = -0.6224593 * 0.3775407 = -0.2350037; d/dneg =
     * 0.3775407 * 0.6224593 = 0.2350037.
     */
    @Test
    void boundedPointwiseMatchesAHandComputedCase() {
        float[] gradient = new float[2];
        assertThat(PairLoss.of(Loss.POINTWISE_BOUNDED, 0.5f, -0.5f, gradient)).isCloseTo(0.7550813, within(1e-7));
        assertThat(gradient).containsExactly(new float[] {-0.2350037f, 0.2350037f}, within(1e-7f));
        // not pairwise: at pos 2, neg 1 the negative's derivative is sigmoid(1) (1 - sigmoid(1)) = 0.1966119 and the
        // positive's -sigmoid(2) (1 - sigmoid(2)) = -0.8807971 * 0.1192029 = -0.1049936
        PairLoss.of(Loss.POINTWISE_BOUNDED, 2f, 1f, gradient);
        assertThat(gradient).containsExactly(new float[] {-0.1049936f, 0.1966119f}, within(1e-7f));
    }

    /** The analytic derivatives agree with central differences of the loss, for every implicit loss. */
    @Test
    void derivativesAgreeWithFiniteDifferences() {
        float[] gradient = new float[2];
        float[] ignored = new float[2];
        float h = 1e-2f;
        for (Loss loss : new Loss[] {Loss.POINTWISE, Loss.BPR, Loss.BPR_BOUNDED, Loss.POINTWISE_BOUNDED}) {
            for (float pos = -3; pos <= 3; pos += 0.7f) {
                for (float neg = -3; neg <= 3; neg += 0.9f) {
                    PairLoss.of(loss, pos, neg, gradient);
                    double dPos = (PairLoss.of(loss, pos + h, neg, ignored) - PairLoss.of(loss, pos - h, neg, ignored))
                            / (2 * h);
                    double dNeg = (PairLoss.of(loss, pos, neg + h, ignored) - PairLoss.of(loss, pos, neg - h, ignored))
                            / (2 * h);
                    assertThat((double) gradient[0]).as("%s d/dpos at (%s, %s)", loss, pos, neg)
                            .isCloseTo(dPos, within(1e-3));
                    assertThat((double) gradient[1]).as("%s d/dneg at (%s, %s)", loss, pos, neg)
                            .isCloseTo(dNeg, within(1e-3));
                }
            }
        }
    }

    /**
     * One SGD step (learning rate 1) of the fused step on one user, a positive item with bias 1 and a negative with
     * bias 0 (all vectors 0, so pos = 1 and neg = 0). bpr-bounded: loss 1 - sigmoid(1) = 0.2689414; the positive's
     * bias moves by +0.1966119, the negative's by -0.1966119, the user's bias not at all (it cancels).
     * pointwise-bounded: loss (1 - sigmoid(1)) + sigmoid(0) = 0.7689414; positive +0.1966119, negative -0.25
     * (sigmoid(0) (1 - sigmoid(0))), user bias -(-0.1966119 + 0.25) = -0.0533881.
     */
    @Test
    void theFusedStepAppliesTheBoundedGradients() {
        float[][] bpr = oneStep(Loss.BPR_BOUNDED, 0.2689414);
        assertThat(bpr[0]).containsExactly(new float[] {1.1966119f, -0.1966119f}, within(1e-6f));
        assertThat(bpr[1]).containsExactly(new float[] {0f}, within(1e-7f));
        float[][] pointwise = oneStep(Loss.POINTWISE_BOUNDED, 0.7689414);
        assertThat(pointwise[0]).containsExactly(new float[] {1.1966119f, -0.25f}, within(1e-6f));
        assertThat(pointwise[1]).containsExactly(new float[] {-0.0533881f}, within(1e-6f));
    }

    /** Item biases and user biases after one step; asserts the loss. */
    private static float[][] oneStep(Loss loss, double expectedLoss) {
        EmbeddingLayout users = identity(1);
        EmbeddingLayout items = identity(2);
        ModelParameters.Plans plans = ModelParameters.plans(users, items, false);
        TableShapes shapes = ModelParameters.shapes(plans, 1);
        float[][] initial = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            initial[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
        }
        initial[TableId.ITEM_BIASES.ordinal()][0] = 1f;
        RowTables tables = new RowTables(new ModelParameters(plans, shapes, initial), RowOptimizer.Kind.SGD, 1f);
        double value = new FusedSparseStep(tables, plans, 1).implicit(loss, new int[] {0}, new int[] {0},
                new int[] {1}, 1, 0f);
        assertThat(value).isCloseTo(expectedLoss, within(1e-6));
        return new float[][] {tables.values(TableId.ITEM_BIASES), tables.values(TableId.USER_BIASES)};
    }

    private static EmbeddingLayout identity(int entities) {
        int[] rows = new int[entities];
        float[] weights = new float[entities];
        for (int e = 0; e < entities; e++) {
            rows[e] = e;
            weights[e] = 1f;
        }
        return EmbeddingLayout.of("test-identity", new LayoutRequest(entities, 1, 1.0, 1, null, 0),
                new int[] {entities}, new int[] {0}, rows, weights, Combiner.SUM);
    }
}
