package io.bloomfit.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.TrainableWeights;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import io.bloomfit.engine.factorization.step.FusedSparseStep;
import io.bloomfit.engine.factorization.step.PairLoss;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import io.bloomfit.engine.factorization.step.RowTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closed-form sparse step ({@code engine-factorization}) must train the model {@link FactorizationGraph} defines. With SGD at learning rate
 * 1, one step moves every parameter by exactly minus its gradient, so comparing the tables after one step of each
 * path compares the gradients of every row read, and the losses are compared directly. The reference is DJL's
 * autograd (PyTorch) on the graph, for every loss, combiner (with weights and rows shared between entities, so
 * gradients must be combined per row), l2 and bias layout; and for trainable lookup weights (hash embeddings: one
 * weight row per entity, or a hashed table of them shared between entities), whose updated values after the step are
 * likewise minus their gradients.
 */
class FusedSparseStepTest {

    private static final int USERS = 30;
    private static final int ITEMS = 40;
    private static final int DIMENSION = 6;
    private static final int BATCH = 24;
    private static final int NEGATIVES = 3;

    private static NDManager manager;

    @BeforeAll
    static void lock() {
        DjlTrainingLock.LOCK.lock(); // autograd: one training at a time per JVM
        manager = Engine.getEngine(DjlFit.ENGINE).newBaseManager();
    }

    @AfterAll
    static void unlock() {
        manager.close();
        DjlTrainingLock.LOCK.unlock();
    }

    /** How a test layout weights its lookups. */
    enum Weights { FIXED, TRAINABLE_PER_ENTITY, TRAINABLE_SHARED }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Loss loss : Loss.values()) {
            for (Combiner combiner : Combiner.values()) {
                cases.add(Arguments.of(loss, combiner, 0f, false, Weights.FIXED));
            }
            cases.add(Arguments.of(loss, Combiner.MEAN, 0.3f, false, Weights.FIXED));
            cases.add(Arguments.of(loss, Combiner.SUM, 0f, true, Weights.FIXED));
            trainedWeightCases(loss, cases);
        }
        return cases.stream();
    }

    /** The cases with trained lookup weights (loss, combiner, l2, compressed biases, weights), for {@code loss}. */
    static void trainedWeightCases(Loss loss, List<Arguments> cases) {
        cases.add(Arguments.of(loss, Combiner.SUM, 0f, false, Weights.TRAINABLE_PER_ENTITY));
        cases.add(Arguments.of(loss, Combiner.SUM, 0.3f, false, Weights.TRAINABLE_SHARED));
        cases.add(Arguments.of(loss, Combiner.MEAN, 0f, false, Weights.TRAINABLE_SHARED));
        cases.add(Arguments.of(loss, Combiner.PRODUCT, 0f, false, Weights.TRAINABLE_PER_ENTITY));
    }

    @ParameterizedTest(name = "{0}, {1}, l2 {2}, compressed biases {3}, weights {4}")
    @MethodSource("cases")
    void oneStepMatchesAutogradOnTheGraph(Loss loss, Combiner combiner, float l2, boolean compressBiases,
                                          Weights weighting) {
        SplittableRandom random = new SplittableRandom(loss.ordinal() * 31L + combiner.ordinal()
                + 7L * weighting.ordinal());
        EmbeddingLayout users = randomLayout(USERS, 3, combiner, weighting, random);
        EmbeddingLayout items = randomLayout(ITEMS, 2, combiner, weighting, random);
        ModelParameters.Plans plans = ModelParameters.plans(users, items, compressBiases);
        TableShapes shapes = ModelParameters.shapes(plans, DIMENSION);
        float[][] initial = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            initial[t.ordinal()] = gaussian(Math.toIntExact(shapes.floats(t)), 0.5, random);
        }
        // users and items repeat within the batch, so rows collect gradient from several lookups
        int[] batchUsers = ints(BATCH, USERS / 3, random);
        int[] batchItems = ints(BATCH, ITEMS / 2, random);
        int perPositive = loss == Loss.ADAPTIVE_HINGE ? NEGATIVES : 1;
        int[] sampled = ints(BATCH * perPositive, ITEMS, random);
        float[] ratings = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            ratings[i] = 1 + random.nextInt(5);
        }

        SparseRowTables reference = new SparseRowTables(rowTables(plans, shapes, copy(initial), RowOptimizer.Kind.SGD, 1f));
        FactorizationGraph graph = new FactorizationGraph(reference, plans.userVectors(), plans.itemVectors(),
                plans.userBiases(), plans.itemBiases());
        float expectedLoss;
        try (NDManager step = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getEngine(DjlFit.ENGINE).newGradientCollector()) {
                NDArray value = loss == Loss.REGRESSION
                        ? graph.explicitLoss(batchUsers, batchItems, ratings, l2, step)
                        : graph.implicitLoss(loss, batchUsers, batchItems, sampled, perPositive, l2, step);
                expectedLoss = value.getFloat();
                collector.backward(value);
            }
            reference.update(step);
        }

        RowTables fusedTables = rowTables(plans, shapes, copy(initial), RowOptimizer.Kind.SGD, 1f);
        FusedSparseStep fused = new FusedSparseStep(fusedTables, plans, DIMENSION);
        double actualLoss = loss == Loss.REGRESSION
                ? fused.explicit(batchUsers, batchItems, ratings, l2)
                : fused.implicit(loss, batchUsers, batchItems, sampled, perPositive, l2);

        assertThat(actualLoss).isCloseTo(expectedLoss, within(1e-5 * Math.max(1, Math.abs(expectedLoss))));
        for (TableId t : TableId.values()) {
            float[] expected = reference.values(t);
            float[] actual = fusedTables.values(t);
            assertThat(actual).as("%s after one SGD step (lr 1): minus the gradient", t)
                    .containsExactly(expected, within(2e-5f));
            // the step must have moved something, or the comparison proves nothing; pairwise losses are the
            // exception for user biases, which cancel in score(pos) - score(neg)
            if (!(PairLoss.pairwise(loss) && t == TableId.USER_BIASES) && expected.length > 0) {
                assertThat(actual).as("%s changed", t).isNotEqualTo(initial[t.ordinal()]);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfRowThreads() {
        // large enough that rows, entities and updates are split across threads (RowRanges.MIN_ROWS_PER_TASK)
        int users = 4_000;
        int items = 3_000;
        int batch = 2_048;
        float[][][] results = new float[2][][];
        int[] threadCounts = {1, 3};
        for (int run = 0; run < 2; run++) {
            SplittableRandom random = new SplittableRandom(99);
            EmbeddingLayout userLayout = randomLayout(users, 2, Combiner.MEAN, Weights.FIXED, random);
            EmbeddingLayout itemLayout = randomLayout(items, 3, Combiner.SUM, Weights.TRAINABLE_SHARED, random);
            ModelParameters.Plans plans = ModelParameters.plans(userLayout, itemLayout, false);
            TableShapes shapes = ModelParameters.shapes(plans, DIMENSION);
            float[][] initial = new float[TableId.values().length][];
            for (TableId t : TableId.values()) {
                initial[t.ordinal()] = gaussian(Math.toIntExact(shapes.floats(t)), 0.5, random);
            }
            RowTables tables = rowTables(plans, shapes, initial, RowOptimizer.Kind.SPARSE_ADAM, 0.05f);
            tables.rowThreads(threadCounts[run]);
            FusedSparseStep step = new FusedSparseStep(tables, plans, DIMENSION);
            for (int s = 0; s < 3; s++) {
                step.implicit(Loss.BPR, ints(batch, users, random), ints(batch, items, random),
                        ints(batch, items, random), 1, 0.01f);
            }
            results[run] = new float[TableId.values().length][];
            for (TableId t : TableId.values()) {
                results[run][t.ordinal()] = tables.values(t);
            }
        }
        for (TableId t : TableId.values()) {
            assertThat(results[1][t.ordinal()]).as("%s with 3 threads vs 1", t)
                    .containsExactly(results[0][t.ordinal()]);
        }
    }

    @Test
    void hingeLossesGiveNoGradientToExamplesBeyondTheMargin() {
        // one user, one positive scoring far above the negative: hinge is 0 and nothing moves
        EmbeddingLayout users = randomLayout(1, 1, Combiner.SUM, Weights.FIXED, new SplittableRandom(1));
        EmbeddingLayout items = randomLayout(2, 1, Combiner.SUM, Weights.FIXED, new SplittableRandom(2));
        ModelParameters.Plans plans = ModelParameters.plans(users, items, false);
        TableShapes shapes = ModelParameters.shapes(plans, 1);
        float[][] initial = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            initial[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
        }
        initial[TableId.ITEM_BIASES.ordinal()][0] = 5f; // positive: score 5; negative: score 0
        RowTables tables = rowTables(plans, shapes, copy(initial), RowOptimizer.Kind.SGD, 1f);
        double value = new FusedSparseStep(tables, plans, 1).implicit(Loss.HINGE, new int[] {0}, new int[] {0},
                new int[] {1}, 1, 0f);
        assertThat(value).isZero();
        assertThat(tables.values(TableId.ITEM_BIASES)).containsExactly(5f, 0f);
        // BPR: softplus(0 - 5) = log(1 + e^-5) = 0.0067153; the bias gradient is sigmoid(-5) = 0.0066929
        tables = rowTables(plans, shapes, copy(initial), RowOptimizer.Kind.SGD, 1f);
        value = new FusedSparseStep(tables, plans, 1).implicit(Loss.BPR, new int[] {0}, new int[] {0},
                new int[] {1}, 1, 0f);
        assertThat(value).isCloseTo(0.0067153, within(1e-6));
        assertThat(tables.values(TableId.ITEM_BIASES)).containsExactly(new float[] {5.0066929f, -0.0066929f},
                within(1e-6f));
    }

    /**
     * k lookups per entity into two concatenated tables, random rows and weights in [-1.5, 1.5] (none for CONCAT);
     * trainable weights start from such values, per entity or in a table of a third as many rows.
     */
    static EmbeddingLayout randomLayout(int entities, int k, Combiner combiner, Weights weighting,
                                        SplittableRandom random) {
        int[] tableRows = {Math.max(1, entities / 3), Math.max(1, entities / 4)};
        int[] lookupTables = new int[k];
        for (int j = 0; j < k; j++) {
            lookupTables[j] = j % 2;
        }
        int[] rows = new int[entities * k];
        float[] weights = new float[entities * k];
        for (int e = 0; e < entities; e++) {
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = random.nextInt(tableRows[lookupTables[j]]);
                weights[e * k + j] = (float) (random.nextDouble() * 3 - 1.5);
            }
        }
        LayoutRequest request = new LayoutRequest(entities, DIMENSION, 1.0, k, null, 0);
        if (weighting == Weights.FIXED) {
            return EmbeddingLayout.of("test-random", request, tableRows, lookupTables, rows,
                    combiner == Combiner.CONCAT ? null : weights, combiner);
        }
        TrainableWeights trainable;
        if (weighting == Weights.TRAINABLE_PER_ENTITY) {
            trainable = TrainableWeights.perEntity(entities, k, weights);
        } else {
            int weightRows = Math.max(1, entities / 3);
            int[] rowOf = ints(entities, weightRows, random);
            trainable = TrainableWeights.shared(weightRows, k, rowOf, java.util.Arrays.copyOf(weights, weightRows * k));
        }
        return EmbeddingLayout.ofTrainable("test-random", request, tableRows, lookupTables, rows, trainable, combiner);
    }

    private static float[] gaussian(int n, double scale, SplittableRandom random) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (scale * random.nextGaussian());
        }
        return a;
    }

    private static int[] ints(int n, int bound, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(bound);
        }
        return a;
    }

    static RowTables rowTables(ModelParameters.Plans plans, TableShapes shapes, float[][] initial,
                                       RowOptimizer.Kind kind, float learningRate) {
        return new RowTables(new ModelParameters(plans, shapes, initial), kind, learningRate);
    }

    static float[][] copy(float[][] tables) {
        float[][] out = new float[tables.length][];
        for (int i = 0; i < tables.length; i++) {
            out[i] = tables[i].clone();
        }
        return out;
    }
}
