package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
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
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.onnx.OnnxExporter;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Exported ONNX models scored by ONNX Runtime (through DJL's OnnxRuntime engine) match the DJL-trained model. */
class OnnxExportTest {

    private static final Interactions TRAIN = Fixtures.twoGroups(50, 40, 6, 9);

    @BeforeAll
    static void onnxRuntimeFirst() {
        // DJL's OnnxRuntime engine must be created before any plain OrtEnvironment in this JVM
        Engine.getEngine("OnnxRuntime");
    }

    @ParameterizedTest
    @CsvSource({
            "plain, 1.0, 1, false",
            "bloom, 0.5, 2, false",
            "bloom, 0.4, 3, true",
            "hashing-trick-signed, 0.5, 1, true",
            "quotient-remainder, 0.5, 2, false",
            "bloom-sum, 0.5, 2, false",
    })
    void onnxRuntimeScoresLikeTheTrainedModel(String compressor, double ratio, int k, boolean compressBiases,
                                              @TempDir Path dir) throws Exception {
        EmbeddingLayout users = EmbeddingCompressors.layout(compressor, new LayoutRequest(50, 6, ratio, k, "xxh3", 5));
        EmbeddingLayout items = EmbeddingCompressors.layout(compressor, new LayoutRequest(40, 6, ratio, k, "xxh3", 6));
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 6,
                        compressBiases, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 0.05, 0, 2, 16, Negatives.uniform(5), 2),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        try (DjlFactorizationModel model = (DjlFactorizationModel) new DjlTrainer().fit(
                new FitRequest(spec, TRAIN, users, items),
                TrainingListener.NONE)) {
            assertOnnxRuntimeScoresLike(model, dir);
        }
    }

    @Test
    void aHogwildModelExportsThroughTheSameCode(@TempDir Path dir) throws Exception {
        EmbeddingLayout users = EmbeddingCompressors.layout("bloom", new LayoutRequest(50, 6, 0.5, 2, "xxh3", 5));
        EmbeddingLayout items = EmbeddingCompressors.layout("bloom", new LayoutRequest(40, 6, 0.5, 2, "xxh3", 6));
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 6,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SGD, 0.05, 0, 2, 16, Negatives.uniform(5), 2),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        try (TrainedModel model = new io.bloomfit.engine.cpu.HogwildTrainer().fit(new FitRequest(spec, TRAIN, users,
                items), TrainingListener.NONE)) {
            assertOnnxRuntimeScoresLike(model, dir);
        }
    }

    private static void assertOnnxRuntimeScoresLike(TrainedModel model, Path dir) throws Exception {
        OnnxExporter.export(model, dir.resolve("model.onnx"));
        long[] allItems = LongStream.range(0, 40).toArray();
        int[] allItemsInt = IntStream.range(0, 40).toArray();
        try (Model onnx = Model.newInstance("scores", Device.cpu(), "OnnxRuntime")) {
            onnx.load(dir, "model");
            try (Predictor<NDList, NDList> predictor = onnx.newPredictor(new NoopTranslator());
                 NDManager manager = onnx.getNDManager().newSubManager()) {
                for (int user : new int[] {0, 17, 49}) {
                    NDArray u = manager.create(new long[] {user});
                    u.setName("user");
                    NDArray i = manager.create(allItems);
                    i.setName("items");
                    float[] scores = predictor.predict(new NDList(u, i)).singletonOrThrow().toFloatArray();
                    assertThat(scores).containsExactly(model.score(user, allItemsInt), within(1e-5f));
                }
            }
        }
    }
}
