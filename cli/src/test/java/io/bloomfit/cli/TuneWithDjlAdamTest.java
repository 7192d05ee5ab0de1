package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tune} section runs with the real {@code djl} trainer and dense {@code adam} (the seed project's setting):
 * the trainer hands tuning a model after every epoch, each tuned point records its choice and validation score, and
 * the rows and spec.json record the trainer's options.
 */
@QuarkusMainTest
class TuneWithDjlAdamTest {

    private static final String SPEC = """
            name: tune-djl-adam
            dataset: {source: synthetic, users: 120, items: 90, interactions: 3000}
            split: {kind: random, test: 0.2, seed: 42}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 2, batchSize: 256,
                    learningRate: 0.01, l2: 0.0, optimizer: adam, seed: 1}
            trainer: {name: djl, device: cpu, threads: 1}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both], repeats: 1}
            tune: {metric: mrr, validation: 0.1, learningRate: [0.01, 0.05], epochs: {max: 3, patience: 1}}
            """;

    @Test
    void tuningRunsWithDjlAndDenseAdam(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path spec = dir.resolve("tune.yaml");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("out");

        LaunchResult result = launcher.launch("run", spec.toString(), "--out", out.toString(), "--quiet");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> trained = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            JsonNode row = json.readTree(line);
            if (row.get("trainer").asText().equals("djl")) {
                trained.add(row);
            }
        }
        assertThat(trained).hasSize(2); // plain and bloom
        for (JsonNode row : trained) {
            assertThat(row.get("status").asText()).as(row.path("error").asText()).isEqualTo("ok");
            JsonNode tuned = row.get("tuned");
            assertThat(tuned.get("learningRate").asDouble()).isIn(0.01, 0.05);
            assertThat(tuned.get("epochs").asInt()).isBetween(1, 3);
            assertThat(row.get("loss_per_epoch")).hasSize(tuned.get("epochs").asInt());
            assertThat(row.get("validation_score").isNumber()).isTrue();
            assertThat(row.get("trainer_options").toString()).isEqualTo("{\"sparseGradients\":\"fused\"}");
        }
        JsonNode written = json.readTree(out.resolve("spec.json").toFile());
        assertThat(written.get("trainer").get("options").toString()).isEqualTo("{\"sparseGradients\":\"fused\"}");
    }
}
