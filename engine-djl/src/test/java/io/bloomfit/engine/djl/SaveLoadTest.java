package io.bloomfit.engine.djl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaveLoadTest {

    private static FactorizationModel model;
    private static final Interactions TRAIN = Fixtures.twoGroups(40, 30, 6, 5);

    @BeforeAll
    static void fit() {
        EmbeddingLayout users = EmbeddingCompressors.layout("bloom", new LayoutRequest(40, 6, 0.5, 2, "xxh3", 17));
        EmbeddingLayout items = EmbeddingCompressors.layout(PermutationCompressor.NAME, new LayoutRequest(30, 6, 1.0, 1, null, 4));
        ModelSpec spec = new ModelSpec(ModelKind.IMPLICIT_FACTORIZATION, Loss.ADAPTIVE_HINGE, 6, 2, 16, 0.05, 0.001,
                3, OptimizerKind.SPARSE_ADAM, 8, DeviceChoice.CPU, 1, true);
        model = new DjlTrainer().fit(new FitRequest(spec, TRAIN, users, items), TrainingListener.NONE);
    }

    @Test
    void loadedModelScoresExactlyLikeTheSavedOne(@TempDir Path dir) throws IOException {
        model.save(dir);
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(dir.resolve("parameters.bin")).exists();
        try (TrainedModel loaded = new DjlTrainer().load(dir)) {
            int[] users = IntStream.range(0, 40).toArray();
            assertThat(loaded.scoreAll(users)).isDeepEqualTo(model.scoreAll(users));
            assertThat(loaded.report().lossPerEpoch()).containsExactly(model.report().lossPerEpoch());
            assertThat(loaded.report().device()).isEqualTo(model.report().device());
            assertThat(((FactorizationModel) loaded).spec()).isEqualTo(model.spec());
        }
    }

    @Test
    void manifestNamesCompressorsHashSeedsSizesAndVersions(@TempDir Path dir) throws IOException {
        model.save(dir);
        var manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("trainer").asText()).isEqualTo("djl");
        assertThat(manifest.path("djlVersion").asText()).isEqualTo("0.36.0");
        assertThat(manifest.path("bloomfitVersion").asText()).isNotBlank().doesNotContain("${");
        assertThat(manifest.path("users").path("compressor").asText()).isEqualTo("bloom");
        assertThat(manifest.path("users").path("hashFunction").asText()).isEqualTo("xxh3");
        assertThat(manifest.path("users").path("seed").asLong()).isEqualTo(17);
        assertThat(manifest.path("users").path("totalRows").asInt()).isEqualTo(20);
        assertThat(manifest.path("items").path("compressor").asText()).isEqualTo(PermutationCompressor.NAME);
        assertThat(manifest.path("model").path("kind").asText()).isEqualTo("implicit-factorization");
        assertThat(manifest.path("model").path("dimension").asInt()).isEqualTo(6);
    }

    @Test
    void missingManifestIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> new DjlTrainer().load(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("manifest.json");
    }

    @Test
    void missingParameterFileIsAClearError(@TempDir Path dir) throws IOException {
        model.save(dir);
        Files.delete(dir.resolve("parameters.bin"));
        assertThatThrownBy(() -> new DjlTrainer().load(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("parameters.bin").hasMessageContaining("missing");
    }

    @Test
    void newerFormatVersionIsRefusedNamingTheUpgrade(@TempDir Path dir) throws IOException {
        model.save(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        manifest.put("formatVersion", 99);
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> new DjlTrainer().load(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("formatVersion 99").hasMessageContaining("upgrade");
    }

    @Test
    void corruptedParametersAreDetected(@TempDir Path dir) throws IOException {
        model.save(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("parameters.bin"));
        bytes[10] ^= 0x40;
        Files.write(dir.resolve("parameters.bin"), bytes);
        assertThatThrownBy(() -> new DjlTrainer().load(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("checksum");
    }

    @Test
    void truncatedParametersAreDetected(@TempDir Path dir) throws IOException {
        model.save(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("parameters.bin"));
        Files.write(dir.resolve("parameters.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> new DjlTrainer().load(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }
}
