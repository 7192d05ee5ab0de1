package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
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
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.testing.StopAfterSteps;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.Trainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjlTrainerTest {

    private static final Interactions PLANTED = Fixtures.twoGroups(40, 30, 8, 7);

    @Test
    void isRegisteredUnderItsNameAndDeclaresOneFitAtATime() {
        assertThat(Trainers.available()).contains("djl");
        Trainer trainer = Trainers.forName("djl");
        assertThat(trainer).isInstanceOf(DjlTrainer.class);
        // PtGradientCollector is process-wide: fits in one JVM must not overlap
        assertThat(trainer.capabilities().concurrentFits()).isFalse();
        assertThat(trainer.capabilities().devices()).containsExactlyInAnyOrder(DeviceChoice.values());
        assertThat(trainer.capabilities().optimizers()).containsExactlyInAnyOrder(OptimizerKind.values());
        assertThat(trainer.capabilities().modelKinds()).containsExactlyInAnyOrder(ModelKind.values());
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "SPARSE_ADAM"})
    void stopsWithinOneStepOfAStopRequest(OptimizerKind optimizer) {
        // 320 interactions in batches of 32: 10 steps per epoch; ask to stop after 13
        ModelSpec spec = Fixtures.spec(Loss.BPR, optimizer, 4, 5, 32, 0.05, 1);
        StopAfterSteps listener = new StopAfterSteps(13);
        assertThatThrownBy(() -> new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), listener))
                .isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(2);
                    assertThat(e.step()).isEqualTo(13);
                });
        assertThat(listener.finished()).isEqualTo(13);
        // the lock was released: the next fit runs
        ModelSpec oneEpoch = spec.withOptimization(o -> o.withEpochs(1));
        try (TrainedModel model = new DjlTrainer().fit(Fixtures.plainRequest(oneEpoch, PLANTED),
                TrainingListener.NONE)) {
            assertThat(model.report().lossPerEpoch()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"POINTWISE", "BPR", "HINGE", "ADAPTIVE_HINGE"})
    void everyImplicitLossLearnsThePlantedGroupsWithSparseAdam(Loss loss) {
        ModelSpec spec = Fixtures.spec(loss, OptimizerKind.SPARSE_ADAM, 8, 15, 32, 0.05, 1);
        try (TrainedModel model = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE)) {
            // a random model ranks half the pairs right; the planted structure is easy to learn
            assertThat(Fixtures.plantedAuc(model, PLANTED)).isGreaterThan(0.9);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class)
    void everyOptimizerLearnsThePlantedGroupsWithBpr(OptimizerKind optimizer) {
        double lr = optimizer == OptimizerKind.SGD ? 8 : optimizer == OptimizerKind.SPARSE_ADAGRAD ? 0.2 : 0.05;
        ModelSpec spec = Fixtures.spec(Loss.BPR, optimizer, 8, 15, 32, lr, 1);
        try (TrainedModel model = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE)) {
            assertThat(Fixtures.plantedAuc(model, PLANTED)).isGreaterThan(0.9);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "SPARSE_ADAM"})
    void sameSeedAndThreadsGiveIdenticalScores(OptimizerKind optimizer) {
        ModelSpec spec = Fixtures.spec(Loss.BPR, optimizer, 8, 3, 16, 0.05, 5);
        int[] users = IntStream.range(0, PLANTED.numUsers()).toArray();
        float[][] first;
        try (TrainedModel a = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE)) {
            first = a.scoreAll(users);
        }
        try (TrainedModel b = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE)) {
            assertThat(b.scoreAll(users)).isDeepEqualTo(first);
        }
        ModelSpec otherSeed = spec.withOptimization(o -> o.withSeed(6));
        try (TrainedModel c = new DjlTrainer().fit(Fixtures.plainRequest(otherSeed, PLANTED),
                TrainingListener.NONE)) {
            assertThat(java.util.Arrays.deepEquals(c.scoreAll(users), first)).isFalse();
        }
    }

    @Test
    void concurrentFitsInOneJvmQueueInsteadOfFailing() throws Exception {
        // DJL's PyTorch gradient collector allows one collector per JVM: without the trainer's lock the second
        // fit would fail with "A PtGradientCollector is already collecting"
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 4, 3, 8, 0.05, 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<double[]>> fits = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                fits.add(pool.submit(() -> {
                    try (TrainedModel m = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED),
                            TrainingListener.NONE)) {
                        return m.report().lossPerEpoch();
                    }
                }));
            }
            double[] first = fits.get(0).get();
            for (java.util.concurrent.Future<double[]> f : fits) {
                assertThat(f.get()).containsExactly(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsDeviceThreadsParametersAndEpochs() {
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 4, 2, 64, 0.05, 1);
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, long steps) {
                events.add("start " + epoch + "/" + epochs + " steps " + steps);
            }

            @Override
            public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                events.add("end " + epoch);
            }
        };
        try (TrainedModel model = new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), listener)) {
            // 320 interactions in batches of 64: 5 steps per epoch
            assertThat(events).containsExactly("start 1/2 steps 5", "end 1", "start 2/2 steps 5", "end 2");
            assertThat(model.report().device()).isEqualTo("cpu()");
            assertThat(model.report().threads()).isEqualTo(1);
            assertThat(model.report().secondsPerEpoch()).hasSize(2);
            // (40 + 30) rows of 4 floats plus 40 + 30 biases
            assertThat(model.report().parameters()).isEqualTo(70 * 4 + 70);
        }
    }

    @Test
    void hugeLearningRateStopsWithTheEpochAndStepOfDivergence() {
        ModelSpec spec = Fixtures.spec(Loss.POINTWISE, OptimizerKind.SGD, 8, 3, 16, 1e37, 1);
        assertThatThrownBy(() -> new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(1);
                    assertThat(e.step()).isBetween(2L, 20L);
                })
                .hasMessageContaining("lower model.learningRate");
    }

    @Test
    void explicitFactorizationFitsRatings() {
        // ratings = 1 + 4 * [same parity]: a rank-1 structure plus biases, learnable exactly
        int users = 20;
        int items = 16;
        int[] us = new int[users * items / 2];
        int[] is = new int[us.length];
        float[] rs = new float[us.length];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int i = u % 4; i < items; i += 2) {
                us[n] = u;
                is[n] = i;
                rs[n] = (i % 2 == u % 2) ? 5f : 1f;
                n++;
            }
        }
        Interactions train = new Interactions(users, items, java.util.Arrays.copyOf(us, n),
                java.util.Arrays.copyOf(is, n), java.util.Arrays.copyOf(rs, n), null);
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.EXPLICIT_FACTORIZATION, Loss.REGRESSION, 4,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 0.05, 0, 60, 16, Negatives.uniform(1), 3),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        try (TrainedModel model = new DjlTrainer().fit(Fixtures.plainRequest(spec, train), TrainingListener.NONE)) {
            double se = 0;
            for (int i = 0; i < train.size(); i++) {
                float predicted = model.score(train.user(i), new int[] {train.item(i)})[0];
                se += (predicted - train.rating(i)) * (predicted - train.rating(i));
            }
            // predicting the mean rating (3) everywhere gives RMSE 2
            assertThat(Math.sqrt(se / train.size())).isLessThan(0.5);
        }
    }

    @Test
    void explicitWithoutRatingsIsRejectedNamingTheFix() {
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.EXPLICIT_FACTORIZATION, Loss.REGRESSION, 4,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 0.05, 0, 1, 16, Negatives.uniform(1), 3),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        assertThatThrownBy(() -> new DjlTrainer().fit(Fixtures.plainRequest(spec, PLANTED), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has none");
    }

    @Test
    void trainsOnBloomLayoutsWithCompressedBiases() {
        int dim = 8;
        EmbeddingLayout users = EmbeddingCompressors.layout("bloom", new LayoutRequest(40, dim, 0.5, 2, "murmur3_32", 11));
        EmbeddingLayout items = EmbeddingCompressors.layout("bloom", new LayoutRequest(30, dim, 0.5, 2, "murmur3_32", 12));
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.ADAM, dim, 15, 32, 0.05, 1)
                .withArchitecture(a -> a.withCompressBiases(true));
        try (TrainedModel model = new DjlTrainer().fit(new FitRequest(spec, PLANTED, users, items),
                TrainingListener.NONE)) {
            assertThat(model.report().parameters())
                    .isEqualTo((long) (users.totalRows() + items.totalRows()) * (dim + 1));
            double[] losses = model.report().lossPerEpoch();
            assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        }
    }
}
