package io.bloomfit.engine.factorization.step;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused step's row work is split across threads only when it is large ({@link RowRanges#MIN_FLOATS_PER_TASK});
 * a batch of 8,192 examples with k = 4 lookups of 32 floats is, and the tables it trains must be the same bit for
 * bit on 1 thread and on 3, with the fit's tables saying that 3 were used.
 */
class FusedSparseStepThreadsTest {

    private static final int D = 32;
    private static final int USERS = 30_000;
    private static final int ITEMS = 20_000;

    @ParameterizedTest
    @EnumSource(value = RowOptimizer.Kind.class, names = {"SPARSE_ADAM", "DENSE_ADAM"})
    void largeBatchesGiveTheSameTablesOnOneThreadAndOnThree(RowOptimizer.Kind kind) {
        float[][][] results = new float[2][][];
        int[] threads = {1, 3};
        for (int run = 0; run < 2; run++) {
            SplittableRandom random = new SplittableRandom(21);
            ModelParameters.Plans plans = ModelParameters.plans(layout(USERS, 12_000, random),
                    layout(ITEMS, 8_000, random), false);
            TableShapes shapes = ModelParameters.shapes(plans, D);
            float[][] initial = new float[TableId.values().length][];
            for (TableId t : TableId.values()) {
                initial[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
                for (int i = 0; i < initial[t.ordinal()].length; i++) {
                    initial[t.ordinal()][i] = (float) (random.nextGaussian() * 0.1);
                }
            }
            RowTables tables = new RowTables(new ModelParameters(plans, shapes, initial), kind, 0.01f);
            tables.rowThreads(threads[run]);
            FusedSparseStep step = new FusedSparseStep(tables, plans, D);
            for (int s = 0; s < 2; s++) {
                step.implicit(Loss.BPR, ints(8_192, USERS, random), ints(8_192, ITEMS, random),
                        ints(8_192, ITEMS, random), 1, 0.001f);
            }
            assertThat(tables.threadsUsed()).isEqualTo(threads[run]);
            results[run] = new float[TableId.values().length][];
            for (TableId t : TableId.values()) {
                results[run][t.ordinal()] = tables.values(t);
            }
        }
        for (TableId t : TableId.values()) {
            float[] one = results[0][t.ordinal()];
            float[] three = results[1][t.ordinal()];
            assertThat(three).as("%s", t).hasSameSizeAs(one);
            for (int i = 0; i < one.length; i++) {
                assertThat(Float.floatToRawIntBits(three[i])).as("%s float %d", t, i)
                        .isEqualTo(Float.floatToRawIntBits(one[i]));
            }
        }
    }

    private static EmbeddingLayout layout(int entities, int rows, SplittableRandom random) {
        int k = 4;
        int[] lookups = new int[entities * k];
        for (int i = 0; i < lookups.length; i++) {
            lookups[i] = random.nextInt(rows);
        }
        return EmbeddingLayout.of("test-random", new LayoutRequest(entities, D, (double) rows / entities, k, null, 0),
                new int[] {rows}, new int[k], lookups, null, Combiner.MEAN);
    }

    private static int[] ints(int n, int bound, SplittableRandom random) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(bound);
        }
        return out;
    }
}
