package io.bloomfit.engine.djl;

import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import io.bloomfit.engine.factorization.step.RowTables;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Weighted rows from two concatenated tables, combined by each combiner: the training graph (DJL), with dense and
 * with sparse tables, gives the values worked out by hand below (the Java scoring path is checked against the same
 * values by {@code LookupPlanTest} in {@code engine-factorization}).
 */
class CombinerTest {

    // table 0 has 3 rows, table 1 has 2 rows; width 2. Global rows: t0 = 0..2, t1 = 3..4
    private static final float[] VECTORS = {
            1, 2,    // global 0
            3, 4,    // global 1
            5, 6,    // global 2
            -1, 0.5f, // global 3 (t1 row 0)
            2, -2,   // global 4 (t1 row 1)
    };
    // entity 0 reads t0 row 2 (w 0.5) and t1 row 1 (w -1); entity 1 reads t0 row 0 (w 1) and t1 row 0 (w 2)
    private static final int[] ROWS = {2, 1, 0, 0};
    private static final float[] WEIGHTS = {0.5f, -1f, 1f, 2f};

    /** Hand-computed combined embeddings of entities 0 and 1. */
    private static float[] expected(Combiner combiner) {
        // entity 0: 0.5 * (5, 6) = (2.5, 3); -1 * (2, -2) = (-2, 2)
        // entity 1: 1 * (1, 2) = (1, 2); 2 * (-1, 0.5) = (-2, 1)
        return switch (combiner) {
            case SUM -> new float[] {0.5f, 5f, -1f, 3f};
            case MEAN -> new float[] {0.25f, 2.5f, -0.5f, 1.5f};
            case PRODUCT -> new float[] {-5f, 6f, -2f, 2f};
        };
    }

    private static EmbeddingLayout layout(Combiner combiner) {
        return EmbeddingLayout.of("test-two-tables", new LayoutRequest(2, 2, 1.0, 2, null, 0), new int[] {3, 2},
                new int[] {0, 1}, ROWS.clone(), WEIGHTS.clone(), combiner);
    }

    @ParameterizedTest
    @EnumSource(Combiner.class)
    void trainingGraphCombinesTheSameWayWithDenseAndSparseTables(Combiner combiner) {
        LookupPlan plan = LookupPlan.of(layout(combiner));
        TableShapes shapes = new TableShapes(new int[] {5, 5, 5, 5}, new int[] {2, 2, 1, 1});
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            for (boolean dense : new boolean[] {true, false}) {
                float[][] initial = {VECTORS.clone(), VECTORS.clone(), new float[5], new float[5]};
                ParameterTables tables = dense ? new DenseAdamTables(manager, initial, shapes, 0.1f)
                        : new SparseRowTables(new RowTables(new ModelParameters(new ModelParameters.Plans(plan,
                                plan, plan, plan), shapes, initial), RowOptimizer.Kind.SGD, 0.1f));
                FactorizationGraph graph = new FactorizationGraph(tables, plan, plan, plan, plan);
                try (NDManager step = manager.newSubManager()) {
                    float[] combined = graph.lookup(TableId.USER_VECTORS, plan, new int[] {0, 1}, step)
                            .toFloatArray();
                    assertThat(combined).as(dense ? "dense" : "sparse")
                            .containsExactly(expected(combiner), within(1e-6f));
                }
                tables.close();
            }
        }
    }
}
