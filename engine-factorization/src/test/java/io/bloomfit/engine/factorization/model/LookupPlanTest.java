package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.testing.CombinerCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring path combines weighted rows of concatenated tables as worked out by hand in {@link CombinerCase}. */
class LookupPlanTest {

    @ParameterizedTest
    @EnumSource(Combiner.class)
    void scoringPathCombinesWeightedRowsOfConcatenatedTables(Combiner combiner) {
        LookupPlan plan = LookupPlan.of(CombinerCase.layout(combiner));
        int width = CombinerCase.width(combiner);
        float[] out = new float[2 * width];
        plan.combine(CombinerCase.VECTORS, 2, 0, out, 0);
        plan.combine(CombinerCase.VECTORS, 2, 1, out, width);
        assertThat(out).containsExactly(CombinerCase.expected(combiner), within(1e-6f));
        assertThat(plan.rowsOf(new int[] {1, 0})).containsExactly(0, 3, 2, 4);
    }

    @Test
    void meanOfFourRowsByHand() {
        // rows (1, 2), (3, 4), (5, 6), (7, 8) weighted 1, 0.5, 2, -1: (1 + 1.5 + 10 - 7, 2 + 2 + 12 - 8) / 4
        float[] table = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] out = new float[2];
        LookupPlan.combineRows(Combiner.MEAN, 4, table, 2, new int[] {0, 1, 2, 3}, new float[] {1, 0.5f, 2, -1}, 0,
                out, 0);
        assertThat(out).containsExactly(1.375f, 2f);
        LookupPlan.combineRows(Combiner.SUM, 3, table, 2, new int[] {3, 3, 0}, null, 0, out, 0);
        assertThat(out).containsExactly(15f, 18f); // (7 + 7 + 1, 8 + 8 + 2), a row read twice
    }

    /**
     * combineRows rounds exactly as the definition it implements, one pass per lookup in lookup order (set, then
     * add or multiply, then divide by k for MEAN), whatever its loops look like: the trainers' results must not
     * depend on how the combination is coded.
     */
    @ParameterizedTest
    @EnumSource(value = Combiner.class, names = {"SUM", "MEAN", "PRODUCT"})
    void combinesBitForBitAsOneLookupAfterAnother(Combiner combiner) {
        SplittableRandom random = new SplittableRandom(3);
        int width = 37;
        int rowsInTable = 9;
        float[] table = new float[rowsInTable * width];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (random.nextDouble() * 4 - 2);
        }
        for (int k = 1; k <= 6; k++) {
            for (boolean weighted : new boolean[] {false, true}) {
                int[] rows = new int[1 + k];
                float[] weights = weighted ? new float[1 + k] : null;
                for (int j = 0; j <= k; j++) {
                    rows[j] = random.nextInt(rowsInTable);
                    if (weighted) {
                        weights[j] = (float) (random.nextDouble() * 3 - 1);
                    }
                }
                float[] actual = new float[3 + width];
                float[] expected = new float[3 + width];
                LookupPlan.combineRows(combiner, k, table, width, rows, weights, 1, actual, 3);
                oneLookupAfterAnother(combiner, k, table, width, rows, weights, 1, expected, 3);
                for (int d = 0; d < expected.length; d++) {
                    assertThat(Float.floatToRawIntBits(actual[d])).as("k=%d weighted=%s float %d", k, weighted, d)
                            .isEqualTo(Float.floatToRawIntBits(expected[d]));
                }
            }
        }
    }

    private static void oneLookupAfterAnother(Combiner combiner, int k, float[] table, int width, int[] rows,
                                              float[] weights, int at, float[] out, int outAt) {
        for (int j = 0; j < k; j++) {
            float w = weights == null ? 1f : weights[at + j];
            for (int d = 0; d < width; d++) {
                float v = w * table[rows[at + j] * width + d];
                if (j == 0) {
                    out[outAt + d] = v;
                } else if (combiner == Combiner.PRODUCT) {
                    out[outAt + d] = out[outAt + d] * v;
                } else {
                    out[outAt + d] = out[outAt + d] + v;
                }
            }
        }
        if (combiner == Combiner.MEAN && k > 1) {
            for (int d = 0; d < width; d++) {
                out[outAt + d] = out[outAt + d] / k;
            }
        }
    }
}
