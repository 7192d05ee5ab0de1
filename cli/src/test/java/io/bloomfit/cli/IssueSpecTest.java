package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.OptimizerKind;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec printed in the experiment-runner issue is a public contract: it must run exactly as written. */
@QuarkusMainTest
class IssueSpecTest {

    /** Verbatim from the issue. */
    static final String ISSUE_SPEC = """
            name: seed-comparison
            dataset:
              source: movielens          # movielens | csv | synthetic
              path: data/ml-100k/u.data  # for movielens/csv; `preset: synthetic-ml100k` for synthetic
            split: {kind: random, test: 0.2, seed: 42}
            model:
              kind: implicit-factorization
              loss: bpr
              dimension: 32
              epochs: 1
              batchSize: 1024
              learningRate: 0.01
              l2: 1.0e-6
              optimizer: adam
              seed: 1
            trainer: {name: djl, device: auto}
            grid:
              compressor: [bloom]
              hash: [murmur3_32, xxh64, md5, sha1, sha256]
              ratio: [0.4]
              hashes: [2]
              sides: [both]              # both | users | items: which embeddings are compressed
              repeats: 1
            """;

    @Test
    void theIssueSpecRunsAsWritten(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        // a small u.data in MovieLens 100K's format (user \t item \t rating \t timestamp), next to the spec
        Path data = Files.createDirectories(dir.resolve("data/ml-100k"));
        StringBuilder lines = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            for (int j = 0; j < 20; j++) {
                lines.append(u).append('\t').append((u * 7 + j * 11) % 90 + 1).append('\t').append(1 + (u + j) % 5)
                        .append('\t').append(881250949L + u * 100 + j).append('\n');
            }
        }
        Files.writeString(data.resolve("u.data"), lines);
        Path specFile = dir.resolve("seed-comparison.yaml");
        Files.writeString(specFile, ISSUE_SPEC);

        ExperimentSpec spec = SpecReader.read(specFile, List.of());
        assertThat(spec.name()).isEqualTo("seed-comparison");
        assertThat(spec.model().architecture().loss()).isEqualTo(Loss.BPR);
        assertThat(spec.model().optimization().optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(spec.model().trainer().device()).isEqualTo(DeviceChoice.AUTO);
        assertThat(spec.grid().hashes()).containsExactly("murmur3_32", "xxh64", "md5", "sha1", "sha256");
        assertThat(spec.grid().sides()).containsExactly(Sides.BOTH);
        assertThat(ExperimentPlan.expand(spec)).hasSize(6);

        // run it through the command (DJL's native library can be loaded by one class loader per JVM only, so
        // every test that trains goes through the Quarkus application)
        Path out = dir.resolve("out");
        LaunchResult result = launcher.launch("run", specFile.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(rows).hasSize(8); // plain, five hash functions, then the popularity and random references
        List<String> hashes = new java.util.ArrayList<>();
        for (String row : rows) {
            JsonNode json = new ObjectMapper().readTree(row);
            assertThat(json.get("status").asText()).as(row).isEqualTo("ok");
            hashes.add(json.get("hash").isNull() ? null : json.get("hash").asText());
        }
        assertThat(hashes).containsExactly(null, "murmur3_32", "xxh64", "md5", "sha1", "sha256", null, null);
    }
}
