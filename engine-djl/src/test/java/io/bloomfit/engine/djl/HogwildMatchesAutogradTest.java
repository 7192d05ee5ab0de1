package io.bloomfit.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.cpu.HogwildTrainer;
import io.bloomfit.engine.djl.FusedSparseStepTest.Weights;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.Minibatches;
import io.bloomfit.engine.factorization.model.EmbeddingSide;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.GaussianInitializer;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The {@code hogwild} trainer's per-example gradient of every loss against the {@code djl} trainer's autograd
 * ({@link FactorizationGraph} on PyTorch). A fit of one interaction in batches of one, with SGD at learning rate 1,
 * is one update that moves every parameter by exactly minus the gradient of that example's loss, which is the
 * graph's batch loss for a batch of one; so the tables after the hogwild fit must equal the tables after one
 * autograd SGD step on the same example, negatives (drawn by the shared {@link Minibatches}) and starting values
 * ({@link ModelParameters#initial}). Layouts are random, with weights in [-1.5, 1.5] and rows shared between
 * lookups, for every combiner (CONCAT: ROBE's blocks); also with l2, with compressed biases, and with trained
 * lookup weights (hash embeddings: one weight row per entity, or weight rows shared between entities).
 */
class HogwildMatchesAutogradTest {

    private static final int USERS = 30;
    private static final int ITEMS = 40;
    private static final int DIMENSION = 6;

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

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // the bounded losses saturate on these random SUM cases (s(1 - s) ~ 0 in float), so a step moves nothing and
        // proves nothing here; hogwild computes them through PairLoss, checked by PairLossTest (hand-computed) and
        // against autograd by FusedSparseStepTest
        for (Loss loss : List.of(Loss.POINTWISE, Loss.BPR, Loss.HINGE, Loss.ADAPTIVE_HINGE, Loss.REGRESSION)) {
            for (Combiner combiner : Combiner.values()) {
                cases.add(Arguments.of(loss, combiner, 0f, false, Weights.FIXED));
            }
            cases.add(Arguments.of(loss, Combiner.MEAN, 0.3f, false, Weights.FIXED));
            cases.add(Arguments.of(loss, Combiner.SUM, 0.3f, true, Weights.FIXED));
            cases.add(Arguments.of(loss, Combiner.CONCAT, 0.3f, false, Weights.FIXED));
            FusedSparseStepTest.trainedWeightCases(loss, cases);
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, l2 {2}, compressed biases {3}, weights {4}")
    @MethodSource("cases")
    void oneExampleUpdateIsMinusTheAutogradGradient(Loss loss, Combiner combiner, float l2, boolean compressBiases,
                                                    Weights weights) {
        SplittableRandom random = new SplittableRandom(loss.ordinal() * 37L + combiner.ordinal()
                + 31L * weights.ordinal());
        // CONCAT splits the dimension into k blocks: k = 3 and 2 both divide DIMENSION. The seed offset of the
        // trained-weight cases was picked so that none of their hinge cases lies beyond the margin, where nothing
        // moves and the comparison would prove nothing (the "changed" checks below)
        EmbeddingLayout users = FusedSparseStepTest.randomLayout(USERS, 3, combiner, weights, random);
        EmbeddingLayout items = FusedSparseStepTest.randomLayout(ITEMS, 2, combiner, weights, random);
        boolean explicit = loss == Loss.REGRESSION;
        Interactions train = new Interactions(USERS, ITEMS, new int[] {random.nextInt(USERS)},
                new int[] {random.nextInt(ITEMS)}, explicit ? new float[] {1 + random.nextInt(5)} : null, null);
        ModelKind kind = explicit ? ModelKind.EXPLICIT_FACTORIZATION : ModelKind.IMPLICIT_FACTORIZATION;
        ModelSpec spec = new ModelSpec(new ModelArchitecture(kind, loss, DIMENSION, compressBiases,
                NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SGD, 1.0, l2, 1, 1, Negatives.uniform(3), 5),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        FitRequest request = new FitRequest(spec, train, users, items);
        ModelParameters initial = ModelParameters.initial(request, GaussianInitializer.INSTANCE);
        // the starting vectors are small (N(0, 1/6)): scale them up so every term matters (biases start at 0)
        for (TableId t : new TableId[] {TableId.USER_VECTORS, TableId.ITEM_VECTORS}) {
            float[] values = initial.table(t);
            for (int i = 0; i < values.length; i++) {
                values[i] *= 4;
            }
        }
        float[][] start = FusedSparseStepTest.copy(initial.tables());
        Batch batch = new Minibatches(train, spec).epoch(1).next();

        SparseRowTables reference = new SparseRowTables(FusedSparseStepTest.rowTables(initial.plans(),
                initial.shapes(), FusedSparseStepTest.copy(start), RowOptimizer.Kind.SGD, 1f));
        FactorizationGraph graph = new FactorizationGraph(reference, initial.plans().userVectors(),
                initial.plans().itemVectors(), initial.plans().userBiases(), initial.plans().itemBiases());
        float expectedLoss;
        try (NDManager step = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getEngine(DjlFit.ENGINE).newGradientCollector()) {
                NDArray value = explicit
                        ? graph.explicitLoss(batch.users(), batch.items(), batch.ratings(), l2, step)
                        : graph.implicitLoss(loss, batch.users(), batch.items(), batch.negatives(),
                        batch.negativesPerPositive(), l2, step);
                expectedLoss = value.getFloat();
                collector.backward(value);
            }
            reference.update(step);
        }

        HogwildTrainer hogwild = new HogwildTrainer((side, layout, dimension, seed, table) -> System.arraycopy(
                start[side == EmbeddingSide.USERS ? TableId.USER_VECTORS.ordinal() : TableId.ITEM_VECTORS.ordinal()],
                0, table, 0, table.length));
        try (FactorizationModel model = hogwild.fit(request, TrainingListener.NONE)) {
            assertThat(model.report().lossPerEpoch()[0]).isCloseTo(expectedLoss,
                    within(1e-5 * Math.max(1, Math.abs(expectedLoss))));
            for (TableId t : TableId.values()) {
                float[] expected = reference.values(t);
                assertThat(model.parameters().table(t)).as("%s after one SGD step (lr 1): minus the gradient", t)
                        .containsExactly(expected, within(2e-5f));
                boolean pairwise = io.bloomfit.engine.factorization.step.PairLoss.pairwise(loss);
                // the step must have moved something, or the comparison proves nothing; pairwise losses are the
                // exception for user biases, which cancel in score(pos) - score(neg); weight tables of fixed-weight
                // layouts have no rows
                if (!(pairwise && t == TableId.USER_BIASES) && expected.length > 0) {
                    assertThat(model.parameters().table(t)).as("%s changed", t).isNotEqualTo(start[t.ordinal()]);
                }
            }
        }
    }
}
