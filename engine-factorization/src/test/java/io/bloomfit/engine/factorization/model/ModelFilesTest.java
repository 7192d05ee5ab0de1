package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.host.Plugins;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFilesTest {

    private static final FactorizationModel MODEL = Models.random(Models.bloom(40, 6, 17), Models.plain(30, 6),
            Models.spec(6, true), 5);

    @Test
    void loadedModelScoresExactlyLikeTheSavedOne(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(dir.resolve("parameters.bin")).exists();
        try (FactorizationModel loaded = ModelFiles.load(dir, Plugins.shared())) {
            int[] users = IntStream.range(0, 40).toArray();
            assertThat(loaded.scoreAll(users)).isDeepEqualTo(MODEL.scoreAll(users));
            assertThat(loaded.report().lossPerEpoch()).containsExactly(MODEL.report().lossPerEpoch());
            assertThat(loaded.report().device()).isEqualTo(MODEL.report().device());
            assertThat(loaded.spec()).isEqualTo(MODEL.spec());
            assertThat(loaded.origin()).isEqualTo(new ModelOrigin("cpu", null));
        }
    }

    @Test
    void manifestNamesTrainerCompressorsHashSeedsSizesAndVersions(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        var manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("bloomfit-factorization-model");
        assertThat(manifest.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("trainer").asText()).isEqualTo("cpu");
        assertThat(manifest.path("djlVersion").isNull()).isTrue();
        assertThat(manifest.path("bloomfitVersion").asText()).isNotBlank().doesNotContain("${");
        assertThat(manifest.path("users").path("compressor").asText()).isEqualTo("bloom");
        assertThat(manifest.path("users").path("hashFunction").asText()).isEqualTo("xxh3");
        assertThat(manifest.path("users").path("seed").asLong()).isEqualTo(17);
        assertThat(manifest.path("users").path("totalRows").asInt()).isEqualTo(20);
        assertThat(manifest.path("items").path("compressor").asText()).isEqualTo("plain");
        assertThat(manifest.path("model").path("kind").asText()).isEqualTo("implicit-factorization");
        assertThat(manifest.path("model").path("dimension").asInt()).isEqualTo(6);
        // 20 bloom user rows and 30 item rows, vectors of 6 and (compressed) biases of 1
        assertThat(manifest.path("parameters").path("floats").path("user-vectors").asLong()).isEqualTo(120);
        assertThat(manifest.path("parameters").path("floats").path("item-biases").asLong()).isEqualTo(30);
        assertThat(Files.size(dir.resolve("parameters.bin"))).isEqualTo((20 + 30) * 7 * 4L);
    }

    /**
     * A bloom-hybrid layout with a fixed hot share records its resolved options in the manifest and is rebuilt with
     * them: the same rows (a default hybrid at ratio 0.5 has another hot count: floor((20 - 0.2 * 40) / 0.8) = 15
     * hot rows against floor(0.25 * 20) = 5), the same scores.
     */
    @Test
    void compressorOptionsAreSavedAndUsedOnLoad(@TempDir Path dir) throws IOException {
        int[] counts = IntStream.range(0, 40).map(e -> (e * 7) % 13).toArray();
        LayoutRequest request = new LayoutRequest(40, 6, 0.5, 2, "xxh3", 17).withTrainingCounts(counts);
        EmbeddingLayout share = EmbeddingCompressors.layout("bloom-hybrid",
                request.withOptions(PluginOptions.of(Map.of("hotShare", 0.25))));
        EmbeddingLayout defaults = EmbeddingCompressors.layout("bloom-hybrid", request);
        assertThat(rows(share)).isNotEqualTo(rows(defaults));
        FactorizationModel model = Models.random(share, Models.plain(30, 6), Models.spec(6, true), 5);
        model.save(dir);

        var manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("users").path("options").toString()).isEqualTo("{\"coldFloor\":0.2,\"hotShare\":0.25}");
        assertThat(manifest.path("items").has("options")).isFalse();
        try (FactorizationModel loaded = ModelFiles.load(dir, Plugins.shared())) {
            assertThat(rows(loaded.userLayout())).isEqualTo(rows(share));
            assertThat(loaded.userLayout().request()).isEqualTo(share.request());
            int[] users = IntStream.range(0, 40).toArray();
            assertThat(loaded.scoreAll(users)).isDeepEqualTo(model.scoreAll(users));
        }
    }

    /** A manifest without options (a model saved before compressors took them) loads with the defaults. */
    @Test
    void manifestsWithoutOptionsLoadWithTheDefaults(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("users").path("options").toString()).isEqualTo("{\"combiner\":\"mean\"}");
        ((ObjectNode) manifest.path("users")).remove("options");
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        try (FactorizationModel loaded = ModelFiles.load(dir, Plugins.shared())) {
            assertThat(rows(loaded.userLayout())).isEqualTo(rows(MODEL.userLayout()));
            assertThat(loaded.userLayout().request().options().asMap()).containsExactly(Map.entry("combiner", "mean"));
        }
        ((ObjectNode) manifest.path("users")).putObject("options").put("combiner", "max");
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared())).isInstanceOf(IOException.class)
                .hasMessageContaining("users layout cannot be rebuilt")
                .hasMessageContaining("option combiner: 'max' is not allowed; expected one of mean, sum");
    }

    /** Every entity's global rows, entity by entity. */
    private static int[] rows(EmbeddingLayout layout) {
        int[] rows = new int[layout.numEntities() * layout.numLookups()];
        layout.globalRows(IntStream.range(0, layout.numEntities()).toArray(), rows);
        return rows;
    }

    @Test
    void trainerOptionsAreSavedAndLoaded(@TempDir Path dir) throws IOException {
        ModelSpec withOptions = MODEL.spec().withTrainer(t -> t.withOptions(PluginOptions.of(Map.of("path", "exact",
                "lanes", 4))));
        try (FactorizationModel model = new FactorizationModel(withOptions, MODEL.userLayout(), MODEL.itemLayout(),
                MODEL.parameters(), MODEL.report(), MODEL.origin())) {
            model.save(dir);
        }
        var manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("model").path("trainerOptions").toString()).isEqualTo(
                "{\"lanes\":4,\"path\":\"exact\"}");
        try (FactorizationModel loaded = ModelFiles.load(dir, Plugins.shared())) {
            assertThat(loaded.spec()).isEqualTo(withOptions);
        }
    }

    /** Models saved before trainers had options have no {@code model.trainerOptions}: they load with none. */
    @Test
    void aManifestWithoutTrainerOptionsLoadsWithNone(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("model")).remove("trainerOptions");
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        try (FactorizationModel loaded = ModelFiles.load(dir, Plugins.shared())) {
            assertThat(loaded.spec().trainer().options()).isEqualTo(PluginOptions.NONE);
            assertThat(loaded.spec()).isEqualTo(MODEL.spec());
        }
    }

    @Test
    void missingManifestIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("manifest.json");
    }

    @Test
    void missingParameterFileIsAClearError(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        Files.delete(dir.resolve("parameters.bin"));
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("parameters.bin").hasMessageContaining("missing");
    }

    @Test
    void newerFormatVersionIsRefusedNamingTheUpgrade(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        manifest.put("formatVersion", 99);
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("formatVersion 99").hasMessageContaining("upgrade");
    }

    @Test
    void unknownCompressorNamesThePluginToAdd(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("items")).put("compressor", "no-such-compressor");
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-compressor")
                .hasMessageContaining("plugin jar");
    }

    @Test
    void corruptedParametersAreDetected(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("parameters.bin"));
        bytes[10] ^= 0x40;
        Files.write(dir.resolve("parameters.bin"), bytes);
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("checksum");
    }

    @Test
    void truncatedParametersAreDetected(@TempDir Path dir) throws IOException {
        MODEL.save(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("parameters.bin"));
        Files.write(dir.resolve("parameters.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> ModelFiles.load(dir, Plugins.shared()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }
}
