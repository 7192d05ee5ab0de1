package io.bloomfit.engine.djl;

import io.bloomfit.host.Plugins;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.Trainers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the djl trainer writes into model files, and that either trainer loads them (format: engine-factorization). */
class SaveLoadTest {

    private static DjlFactorizationModel model;
    private static final Interactions TRAIN = Fixtures.twoGroups(40, 30, 6, 5);

    @BeforeAll
    static void fit() {
        EmbeddingLayout users = EmbeddingCompressors.layout("bloom", new LayoutRequest(40, 6, 0.5, 2, "xxh3", 17));
        EmbeddingLayout items = EmbeddingCompressors.layout(PermutationCompressor.NAME, new LayoutRequest(30, 6, 1.0, 1, null, 4));
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.ADAPTIVE_HINGE, 6,
                        true, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.ADAM, 0.05, 0.001, 2, 16, Negatives.uniform(3), 8),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        model = (DjlFactorizationModel) new DjlTrainer().fit(new FitRequest(spec, TRAIN, users, items),
                TrainingListener.NONE);
    }

    @Test
    void loadedModelScoresExactlyLikeTheSavedOne(@TempDir Path dir) throws IOException {
        model.save(dir);
        try (DjlFactorizationModel loaded = new DjlTrainer().load(dir, Plugins.shared())) {
            int[] users = IntStream.range(0, 40).toArray();
            assertThat(loaded.scoreAll(users)).isDeepEqualTo(model.scoreAll(users));
            assertThat(loaded.report().lossPerEpoch()).containsExactly(model.report().lossPerEpoch());
            assertThat(loaded.report().device()).isEqualTo("cpu()");
            assertThat(loaded.factorization().spec()).isEqualTo(model.factorization().spec());
        }
    }

    @Test
    void theCpuTrainerLoadsADjlModelWithTheSameParameters(@TempDir Path dir) throws IOException {
        model.save(dir);
        try (TrainedModel loaded = Trainers.forName("cpu").load(dir, Plugins.shared())) {
            int[] users = IntStream.range(0, 40).toArray();
            float[][] expected = model.scoreAll(users);
            float[][] actual = loaded.scoreAll(users);
            for (int u = 0; u < 40; u++) {
                // Java sums against one sgemm: equal up to float rounding
                assertThat(actual[u]).containsExactly(expected[u], within(1e-5f));
            }
        }
    }

    @Test
    void manifestSaysDjlAndItsVersion(@TempDir Path dir) throws IOException {
        model.save(dir);
        var manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("trainer").asText()).isEqualTo("djl");
        assertThat(manifest.path("djlVersion").asText()).isEqualTo("0.36.0");
        assertThat(manifest.path("bloomfitVersion").asText()).isNotBlank().doesNotContain("${");
        assertThat(manifest.path("model").path("optimizer").asText()).isEqualTo("adam");
        assertThat(manifest.path("items").path("compressor").asText()).isEqualTo(PermutationCompressor.NAME);
    }
}
