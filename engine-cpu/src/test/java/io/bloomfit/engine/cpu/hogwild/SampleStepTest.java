package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.TableId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One hogwild update per loss against values computed by hand. The case, plain layouts, dimension 2, one user and
 * three items: U(0) = [1, 2], V(0) = [0.5, -1], V(1) = [1, 1], V(2) = [-1, 0]; biases b_u = 0, b_0 = 0.25,
 * b_1 = -0.5, b_2 = 0. User 0's positive is item 0 and its negative item 1 (item 2 is adaptive-hinge's second
 * negative), so
 * <pre>
 *   pos = 1 * 0.5 + 2 * -1 + 0 + 0.25 = -1.25
 *   neg = 1 * 1   + 2 * 1  + 0 - 0.5  =  2.5       (item 2: -1 + 0 + 0 + 0 = -1)
 * </pre>
 * and with SGD at learning rate 0.5 every parameter moves by -0.5 times its gradient: for a pairwise loss with
 * derivatives dPos, dNeg of the loss in the two scores, grad U = dPos V(0) + dNeg V(1), grad V(0) = dPos U,
 * grad V(1) = dNeg U, grad b_u = dPos + dNeg, grad b_0 = dPos, grad b_1 = dNeg.
 */
class SampleStepTest {

    private static final float LR = 0.5f;

    private SharedTable[] tables;

    private SampleStep step(Loss loss, OptimizerKind optimizer, float l2, int perPositive) {
        tables = new SharedTable[] {
                new SharedTable(new float[] {1, 2}, 2, optimizer, LR),
                new SharedTable(new float[] {0.5f, -1, 1, 1, -1, 0}, 2, optimizer, LR),
                new SharedTable(new float[] {0}, 1, optimizer, LR),
                new SharedTable(new float[] {0.25f, -0.5f, 0}, 1, optimizer, LR)};
        EntityRows[] lookups = {EntityRows.of(LookupPlan.identity(1), 1), EntityRows.of(LookupPlan.identity(3), 3),
                EntityRows.of(LookupPlan.identity(1), 1), EntityRows.of(LookupPlan.identity(3), 3)};
        return new SampleStep(tables, lookups, 2, loss, l2, perPositive);
    }

    private float[] table(TableId t) {
        return tables[t.ordinal()].values();
    }

    @Test
    void bpr() {
        // loss = softplus(neg - pos) = ln(1 + e^3.75) = 3.773245; dNeg = sigmoid(3.75) = 0.9770226 = -dPos
        // U    = [1, 2]      - 0.5 * 0.9770226 * (V(1) - V(0) = [0.5, 2]) = [0.7557443, 1.0229774]
        // V(0) = [0.5, -1]   + 0.5 * 0.9770226 * [1, 2]                    = [0.9885113, -0.0229774]
        // V(1) = [1, 1]      - 0.5 * 0.9770226 * [1, 2]                    = [0.5114887, 0.0229774]
        // b_u: dPos + dNeg = 0, unchanged; b_0 = 0.25 + 0.4885113 = 0.7385113; b_1 = -0.5 - 0.4885113
        double loss = step(Loss.BPR, OptimizerKind.SGD, 0, 1).implicit(0, 0, new int[] {1}, 0, 1);
        assertThat(loss).isCloseTo(3.773245, within(1e-6));
        assertThat(table(TableId.USER_VECTORS)).containsExactly(new float[] {0.7557443f, 1.0229774f}, within(1e-6f));
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(new float[] {0.9885113f, -0.0229774f, 0.5114887f,
                0.0229774f, -1, 0}, within(1e-6f));
        assertThat(table(TableId.USER_BIASES)).containsExactly(0f);
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(new float[] {0.7385113f, -0.9885113f, 0},
                within(1e-6f));
    }

    @Test
    void pointwise() {
        // loss = softplus(-pos) + softplus(neg) = ln(1 + e^1.25) + ln(1 + e^2.5) = 1.5332 + 2.5789 = 4.080819
        // dPos = -sigmoid(1.25) = -0.7772999, dNeg = sigmoid(2.5) = 0.9241418
        // grad U = -0.7772999 * [0.5, -1] + 0.9241418 * [1, 1] = [0.5354919, 1.7014417]
        // U    = [1, 2] - 0.5 * grad U                         = [0.7322541, 1.1492792]
        // V(0) = [0.5, -1] - 0.5 * -0.7772999 * [1, 2]         = [0.8886499, -0.2227001]
        // V(1) = [1, 1]    - 0.5 *  0.9241418 * [1, 2]         = [0.5379291, 0.0758582]
        // b_u = 0 - 0.5 * (dPos + dNeg = 0.1468419) = -0.0734210; b_0 = 0.25 + 0.3886499; b_1 = -0.5 - 0.4620709
        double loss = step(Loss.POINTWISE, OptimizerKind.SGD, 0, 1).implicit(0, 0, new int[] {1}, 0, 1);
        assertThat(loss).isCloseTo(4.080819, within(1e-6));
        assertThat(table(TableId.USER_VECTORS)).containsExactly(new float[] {0.7322541f, 1.1492792f}, within(1e-6f));
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(new float[] {0.8886499f, -0.2227001f, 0.5379291f,
                0.0758582f, -1, 0}, within(1e-6f));
        assertThat(table(TableId.USER_BIASES)).containsExactly(new float[] {-0.0734210f}, within(1e-6f));
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(new float[] {0.6386499f, -0.9620709f, 0},
                within(1e-6f));
    }

    @Test
    void hinge() {
        // loss = max(0, 1 - pos + neg) = 1 + 1.25 + 2.5 = 4.75 > 0, so dNeg = 1 = -dPos
        // U = [1, 2] - 0.5 * ([1, 1] - [0.5, -1]) = [0.75, 1]; V(0) = [0.5, -1] + 0.5 * [1, 2] = [1, 0]
        // V(1) = [1, 1] - 0.5 * [1, 2] = [0.5, 0]; b_0 = 0.25 + 0.5 = 0.75; b_1 = -0.5 - 0.5 = -1
        double loss = step(Loss.HINGE, OptimizerKind.SGD, 0, 1).implicit(0, 0, new int[] {1}, 0, 1);
        assertThat(loss).isCloseTo(4.75, within(1e-6));
        assertThat(table(TableId.USER_VECTORS)).containsExactly(0.75f, 1f);
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(1f, 0f, 0.5f, 0f, -1f, 0f);
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(0.75f, -1f, 0f);
    }

    @Test
    void adaptiveHingeUpdatesOnlyTheHardestNegative() {
        // negatives item 2 (score -1) and item 1 (score 2.5): the hardest is item 1, so the update is hinge's
        // above, and item 2, read but not the hardest, does not move (no l2)
        double loss = step(Loss.ADAPTIVE_HINGE, OptimizerKind.SGD, 0, 2).implicit(0, 0, new int[] {2, 1}, 0, 2);
        assertThat(loss).isCloseTo(4.75, within(1e-6));
        assertThat(table(TableId.USER_VECTORS)).containsExactly(0.75f, 1f);
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(1f, 0f, 0.5f, 0f, -1f, 0f);
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(0.75f, -1f, 0f);
    }

    @Test
    void squaredErrorWithL2() {
        // user 0 rated item 1 with 3: prediction 2.5, error -0.5, l2 0.1 on |U|^2 = 5 and |V(1)|^2 = 2
        // loss = 0.25 + 0.1 * 7 = 0.95; d loss / d prediction = 2 * -0.5 = -1
        // grad U = -1 * [1, 1] + 0.2 * [1, 2] = [-0.8, -0.6]; grad V(1) = -1 * [1, 2] + 0.2 * [1, 1] = [-0.8, -1.8]
        // U = [1, 2] + 0.5 * [0.8, 0.6] = [1.4, 2.3]; V(1) = [1, 1] + 0.5 * [0.8, 1.8] = [1.4, 1.9]
        // b_u = 0 + 0.5 = 0.5; b_1 = -0.5 + 0.5 = 0 (biases carry no l2)
        double loss = step(Loss.REGRESSION, OptimizerKind.SGD, 0.1f, 1).explicit(0, 1, 3f);
        assertThat(loss).isCloseTo(0.95, within(1e-6));
        assertThat(table(TableId.USER_VECTORS)).containsExactly(new float[] {1.4f, 2.3f}, within(1e-6f));
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(new float[] {0.5f, -1, 1.4f, 1.9f, -1, 0},
                within(1e-6f));
        assertThat(table(TableId.USER_BIASES)).containsExactly(0.5f);
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(new float[] {0.25f, 0f, 0f}, within(1e-7f));
    }

    @Test
    void adagradFirstStepMovesEveryTouchedParameterByTheLearningRate() {
        // Adagrad's first step: accumulator g^2, update lr * g / (|g| + 1e-10) = 0.5 * sign(g) for g != 0.
        // BPR's gradients (bpr above): grad U = [0.49, 1.95] > 0, grad V(0) < 0, grad V(1) > 0, grad b_u = 0
        // U = [0.5, 1.5]; V(0) = [1, -0.5]; V(1) = [0.5, 0.5]; b_0 = 0.75; b_1 = -1
        step(Loss.BPR, OptimizerKind.SPARSE_ADAGRAD, 0, 1).implicit(0, 0, new int[] {1}, 0, 1);
        assertThat(table(TableId.USER_VECTORS)).containsExactly(new float[] {0.5f, 1.5f}, within(1e-6f));
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(new float[] {1f, -0.5f, 0.5f, 0.5f, -1, 0},
                within(1e-6f));
        assertThat(table(TableId.USER_BIASES)).containsExactly(0f);
        assertThat(table(TableId.ITEM_BIASES)).containsExactly(new float[] {0.75f, -1f, 0f}, within(1e-6f));
    }

    @Test
    void hingeBeyondTheMarginMovesNothing() {
        // positive item 1 (2.5) against negative item 0 (-1.25): 1 - 2.5 - 1.25 < 0
        double loss = step(Loss.HINGE, OptimizerKind.SGD, 0, 1).implicit(0, 1, new int[] {0}, 0, 1);
        assertThat(loss).isZero();
        assertThat(table(TableId.USER_VECTORS)).containsExactly(1f, 2f);
        assertThat(table(TableId.ITEM_VECTORS)).containsExactly(0.5f, -1f, 1f, 1f, -1f, 0f);
    }
}
