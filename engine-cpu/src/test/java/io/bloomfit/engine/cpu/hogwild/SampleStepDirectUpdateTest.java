package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.TableId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For {@code SUM} and {@code MEAN} layouts the step updates each row as soon as its gradient is known instead of
 * queueing all row gradients first (the general path, which {@code PRODUCT} keeps). The two must give the same
 * tables bit for bit, also where rows collide: here k = 3 lookups into 5 rows per side, so entities share rows, an
 * entity reads one row twice (user 1, item 2), and positive and negative items share rows (items 0 and 1 both read
 * row 4). Many examples run one after another, so any difference in the order of updates would show.
 */
class SampleStepDirectUpdateTest {

    private static final int D = 4;
    private static final int USERS = 3;
    private static final int ITEMS = 4;
    private static final int[] USER_ROWS = {0, 1, 2, 3, 3, 4, 2, 0, 4};
    private static final int[] ITEM_ROWS = {4, 1, 0, 2, 4, 3, 1, 1, 2, 0, 3, 4};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Combiner combiner : new Combiner[] {Combiner.SUM, Combiner.MEAN}) {
            for (boolean weighted : new boolean[] {false, true}) {
                for (OptimizerKind optimizer : new OptimizerKind[] {OptimizerKind.SGD, OptimizerKind.SPARSE_ADAGRAD}) {
                    for (Loss loss : new Loss[] {Loss.BPR, Loss.ADAPTIVE_HINGE, Loss.REGRESSION}) {
                        for (float l2 : new float[] {0f, 0.01f}) {
                            cases.add(Arguments.of(combiner, weighted, optimizer, loss, l2));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} weighted={1} {2} {3} l2={4}")
    @MethodSource("cases")
    void directUpdatesGiveTheQueuedPathsTablesBitForBit(Combiner combiner, boolean weighted, OptimizerKind optimizer,
                                                        Loss loss, float l2) {
        float[][] direct = train(combiner, weighted, optimizer, loss, l2, true);
        float[][] queued = train(combiner, weighted, optimizer, loss, l2, false);
        for (int t = 0; t < 4; t++) {
            assertThat(bits(direct[t])).as(TableId.values()[t].name()).containsExactly(bits(queued[t]));
        }
        // the case trains at all: the vectors moved away from their start
        assertThat(bits(direct[TableId.USER_VECTORS.ordinal()])).isNotEqualTo(bits(start(5 * D, 1)));
    }

    private static float[][] train(Combiner combiner, boolean weighted, OptimizerKind optimizer, Loss loss,
                                   float l2, boolean directLinear) {
        float lr = 0.1f;
        SharedTable[] tables = {
                new SharedTable(start(5 * D, 1), D, optimizer, lr),
                new SharedTable(start(5 * D, 2), D, optimizer, lr),
                new SharedTable(start(USERS, 3), 1, optimizer, lr),
                new SharedTable(start(ITEMS, 4), 1, optimizer, lr)};
        EntityRows[] lookups = {
                EntityRows.of(LookupPlan.of(layout(USERS, USER_ROWS, combiner, weighted, 5)), USERS),
                EntityRows.of(LookupPlan.of(layout(ITEMS, ITEM_ROWS, combiner, weighted, 6)), ITEMS),
                EntityRows.of(LookupPlan.identity(USERS), USERS),
                EntityRows.of(LookupPlan.identity(ITEMS), ITEMS)};
        int n = loss == Loss.ADAPTIVE_HINGE ? 2 : 1;
        SampleStep step = new SampleStep(tables, lookups, D, loss, l2, n, directLinear);
        SplittableRandom random = new SplittableRandom(11);
        for (int b = 0; b < 20; b++) {
            int size = 5;
            int[] users = new int[size];
            int[] items = new int[size];
            int[] negatives = new int[size * n];
            float[] ratings = new float[size];
            for (int e = 0; e < size; e++) {
                users[e] = random.nextInt(USERS);
                items[e] = random.nextInt(ITEMS);
                ratings[e] = 1 + random.nextInt(5);
            }
            for (int q = 0; q < negatives.length; q++) {
                negatives[q] = random.nextInt(ITEMS);
            }
            step.batch(loss == Loss.REGRESSION ? new Batch(users, items, null, 0, ratings)
                    : new Batch(users, items, negatives, n, null));
        }
        float[][] out = new float[4][];
        for (int t = 0; t < 4; t++) {
            out[t] = tables[t].values().clone();
        }
        return out;
    }

    private static EmbeddingLayout layout(int entities, int[] rows, Combiner combiner, boolean weighted, long seed) {
        float[] weights = null;
        if (weighted) {
            weights = new float[rows.length];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (0.3 + random.nextDouble());
            }
        }
        return EmbeddingLayout.of("test-colliding", new LayoutRequest(entities, D, 1.0, 3, null, 0), new int[] {5},
                new int[] {0, 0, 0}, rows.clone(), weights, combiner);
    }

    private static float[] start(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
        }
        return values;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
