package io.bloomfit.engine.cpu;

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
import io.bloomfit.engine.factorization.testing.PlantedGroups;
import io.bloomfit.engine.factorization.testing.EpochModelScores;
import io.bloomfit.engine.factorization.testing.StopAfterSteps;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.Plugins;
import io.bloomfit.host.Trainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuTrainerTest {

    private static final Interactions PLANTED = PlantedGroups.interactions(40, 30, 8, 7);

    static ModelSpec spec(Loss loss, OptimizerKind optimizer, int epochs, double lr, long seed) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, loss, 8,
                        false, NetworkSpec.defaults()),
                new Optimization(optimizer, lr, 0.0, epochs, 32, Negatives.uniform(5), seed),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
    }

    static FitRequest plain(ModelSpec spec, Interactions train) {
        int dimension = spec.architecture().dimension();
        return new FitRequest(spec, train,
                EmbeddingCompressors.layout("plain", LayoutRequest.plain(train.numUsers(), dimension)),
                EmbeddingCompressors.layout("plain", LayoutRequest.plain(train.numItems(), dimension)));
    }

    @Test
    void refusesTheBloomNetworkItCannotFit() {
        ModelSpec network = spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 1, 0.01, 1)
                .withArchitecture(a -> a.withKind(ModelKind.BLOOM_NETWORK));
        assertThatThrownBy(() -> new CpuTrainer().fit(plain(network, PLANTED), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.kind: trainer 'cpu' does not fit 'bloom-network'");
    }

    @Test
    void isRegisteredUnderItsNameAndDeclaresWhatItDoes() {
        assertThat(Trainers.available()).contains("cpu");
        Trainer trainer = Trainers.forName("cpu");
        assertThat(trainer).isInstanceOf(CpuTrainer.class);
        assertThat(trainer.capabilities().concurrentFits()).isTrue();
        assertThat(trainer.capabilities().devices()).containsExactlyInAnyOrder(DeviceChoice.AUTO, DeviceChoice.CPU);
        assertThat(trainer.capabilities().optimizers()).containsExactlyInAnyOrder(OptimizerKind.ADAM,
                OptimizerKind.SPARSE_ADAM, OptimizerKind.SPARSE_ADAGRAD, OptimizerKind.SGD);
        assertThat(trainer.capabilities().modelKinds()).containsExactlyInAnyOrder(ModelKind.IMPLICIT_FACTORIZATION,
                ModelKind.EXPLICIT_FACTORIZATION);
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"POINTWISE", "BPR", "HINGE", "ADAPTIVE_HINGE", "BPR_BOUNDED",
            "POINTWISE_BOUNDED"})
    void everyImplicitLossLearnsThePlantedGroups(Loss loss) {
        try (TrainedModel model = new CpuTrainer().fit(plain(spec(loss, OptimizerKind.SPARSE_ADAM, 15, 0.05, 1),
                PLANTED), TrainingListener.NONE)) {
            // a random model ranks half the pairs right; the planted structure is easy to learn
            assertThat(PlantedGroups.auc(model, PLANTED)).isGreaterThan(0.9);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "SPARSE_ADAM", "SPARSE_ADAGRAD", "SGD"})
    void everyOptimizerLearnsThePlantedGroupsWithBpr(OptimizerKind optimizer) {
        double lr = optimizer == OptimizerKind.SGD ? 8 : optimizer == OptimizerKind.SPARSE_ADAGRAD ? 0.2 : 0.05;
        try (TrainedModel model = new CpuTrainer().fit(plain(spec(Loss.BPR, optimizer, 15, lr, 1), PLANTED),
                TrainingListener.NONE)) {
            assertThat(PlantedGroups.auc(model, PLANTED)).isGreaterThan(0.9);
        }
    }

    @Test
    void gpuIsRefusedNamingWhatItDoes() {
        ModelSpec gpu = spec(Loss.BPR, OptimizerKind.SGD, 1, 0.05, 1)
                .withTrainer(t -> t.withDevice(DeviceChoice.GPU));
        assertThatThrownBy(() -> new CpuTrainer().fit(plain(gpu, PLANTED), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainer.device")
                .hasMessageContaining("'gpu'");
    }

    @Test
    void stopsWithinOneStepOfAStopRequest() {
        // 320 interactions in batches of 32: 10 steps per epoch; ask to stop after 13
        StopAfterSteps listener = new StopAfterSteps(13);
        assertThatThrownBy(() -> new CpuTrainer().fit(plain(spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 5, 0.05, 1),
                PLANTED), listener))
                .isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(2);
                    assertThat(e.step()).isEqualTo(13);
                });
        assertThat(listener.finished()).isEqualTo(13);
    }

    @Test
    void hugeLearningRateStopsWithTheEpochAndStepOfDivergence() {
        assertThatThrownBy(() -> new CpuTrainer().fit(plain(spec(Loss.POINTWISE, OptimizerKind.SGD, 3, 1e37, 1),
                PLANTED), TrainingListener.NONE))
                .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("lower model.learningRate");
    }

    @Test
    void concurrentFitsInOneJvmGiveTheResultsOfSequentialOnes() throws Exception {
        ModelSpec spec = spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 3, 0.05, 1);
        int[] users = IntStream.range(0, PLANTED.numUsers()).toArray();
        float[][] alone;
        try (TrainedModel m = new CpuTrainer().fit(plain(spec, PLANTED), TrainingListener.NONE)) {
            alone = m.scoreAll(users);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> fits = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fits.add(pool.submit(() -> {
                    try (TrainedModel m = new CpuTrainer().fit(plain(spec, PLANTED), TrainingListener.NONE)) {
                        return m.scoreAll(users);
                    }
                }));
            }
            for (Future<float[][]> f : fits) {
                assertThat(f.get()).isDeepEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void showsItsModelAfterEveryEpochWhenAskedAndItMatchesAFitOfThatManyEpochs() {
        ModelSpec three = spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 3, 0.05, 1);
        EpochModelScores wanting = new EpochModelScores(0);
        try (TrainedModel model = new CpuTrainer().fit(plain(three, PLANTED), wanting)) {
            assertThat(wanting.epochs()).containsExactly(1, 2, 3);
            assertThat(wanting.after(3)[0]).containsExactly(model.scoreAll(new int[] {0})[0]);
        }
        // the model after epoch 2 is the model a 2-epoch fit returns (same batches, same arithmetic)
        try (TrainedModel two = new CpuTrainer().fit(plain(spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 2, 0.05, 1),
                PLANTED), TrainingListener.NONE)) {
            assertThat(wanting.after(2)[0]).containsExactly(two.scoreAll(new int[] {0})[0]);
        }
    }

    @Test
    void reportsDeviceThreadsParametersAndEpochs() {
        try (TrainedModel model = new CpuTrainer().fit(plain(spec(Loss.BPR, OptimizerKind.SGD, 2, 0.5, 1),
                PLANTED), TrainingListener.NONE)) {
            assertThat(model.report().device()).isEqualTo("cpu");
            assertThat(model.report().threads()).isEqualTo(1);
            assertThat(model.report().secondsPerEpoch()).hasSize(2);
            // (40 + 30) rows of 8 floats plus 40 + 30 biases
            assertThat(model.report().parameters()).isEqualTo(70 * 8 + 70);
        }
    }

    @Test
    void explicitFactorizationFitsRatings() {
        // ratings = 1 + 4 * [same parity]: a rank-1 structure plus biases, learnable exactly
        int users = 20;
        int items = 16;
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = u % 4; i < items; i += 2) {
                pairs.add(new int[] {u, i});
            }
        }
        int n = pairs.size();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] rs = new float[n];
        for (int p = 0; p < n; p++) {
            us[p] = pairs.get(p)[0];
            is[p] = pairs.get(p)[1];
            rs[p] = (is[p] % 2 == us[p] % 2) ? 5f : 1f;
        }
        Interactions train = new Interactions(users, items, us, is, rs, null);
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.EXPLICIT_FACTORIZATION, Loss.REGRESSION, 4,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 0.05, 0, 60, 16, Negatives.uniform(1), 3),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        try (TrainedModel model = new CpuTrainer().fit(plain(spec, train), TrainingListener.NONE)) {
            double se = 0;
            for (int i = 0; i < n; i++) {
                float predicted = model.score(us[i], new int[] {is[i]})[0];
                se += (predicted - rs[i]) * (predicted - rs[i]);
            }
            // predicting the mean rating (3) everywhere gives RMSE 2
            assertThat(Math.sqrt(se / n)).isLessThan(0.5);
        }
    }

    @Test
    void savedModelLoadsAndScoresTheSame(@TempDir Path dir) throws IOException {
        EmbeddingLayout users = EmbeddingCompressors.layout("bloom", new LayoutRequest(40, 8, 0.5, 2, "xxh3", 11));
        EmbeddingLayout items = EmbeddingCompressors.layout("bloom", new LayoutRequest(30, 8, 0.5, 2, "xxh3", 12));
        ModelSpec spec = spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 2, 0.05, 1)
                .withArchitecture(a -> a.withCompressBiases(true));
        int[] all = IntStream.range(0, 40).toArray();
        try (TrainedModel model = new CpuTrainer().fit(new FitRequest(spec, PLANTED, users, items),
                TrainingListener.NONE)) {
            model.save(dir);
            try (TrainedModel loaded = Trainers.forName("cpu").load(dir, Plugins.shared())) {
                assertThat(loaded.scoreAll(all)).isDeepEqualTo(model.scoreAll(all));
            }
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("manifest.json"))).contains("\"trainer\" : \"cpu\"");
    }
}
