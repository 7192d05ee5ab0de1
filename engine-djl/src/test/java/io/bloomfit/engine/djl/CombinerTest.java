package io.bloomfit.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import io.bloomfit.engine.factorization.step.RowTables;
import io.bloomfit.engine.factorization.testing.CombinerCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Weighted rows from two concatenated tables, combined by each combiner: the training graph (DJL), with dense and
 * with sparse tables, gives the values worked out by hand in {@link CombinerCase} (the Java scoring path is checked
 * against the same values by {@code LookupPlanTest} in {@code engine-factorization}).
 */
class CombinerTest {

    @ParameterizedTest
    @EnumSource(Combiner.class)
    void trainingGraphCombinesTheSameWayWithDenseAndSparseTables(Combiner combiner) {
        LookupPlan plan = LookupPlan.of(CombinerCase.layout(combiner));
        TableShapes shapes = new TableShapes(new int[] {5, 5, 5, 5, 0, 0}, new int[] {2, 2, 1, 1, 2, 2});
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            for (boolean dense : new boolean[] {true, false}) {
                float[][] initial = {CombinerCase.VECTORS.clone(), CombinerCase.VECTORS.clone(), new float[5],
                        new float[5], new float[0], new float[0]};
                ParameterTables tables = dense ? new DenseAdamTables(manager, initial, shapes, 0.1f)
                        : new SparseRowTables(new RowTables(new ModelParameters(new ModelParameters.Plans(plan,
                                plan, plan, plan), shapes, initial), RowOptimizer.Kind.SGD, 0.1f));
                FactorizationGraph graph = new FactorizationGraph(tables, plan, plan, plan, plan);
                try (NDManager step = manager.newSubManager()) {
                    float[] combined = graph.lookup(TableId.USER_VECTORS, plan, new int[] {0, 1}, step)
                            .toFloatArray();
                    assertThat(combined).as(dense ? "dense" : "sparse")
                            .containsExactly(CombinerCase.expected(combiner), within(1e-6f));
                }
                tables.close();
            }
        }
    }
}
