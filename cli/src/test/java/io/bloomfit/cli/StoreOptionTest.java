package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;
import io.bloomfit.store.jdbc.ExperimentStatus;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --store URI}: the run is recorded in the database and still written to its directory. */
@QuarkusMainTest
class StoreOptionTest {

    static final String TINY = """
            name: tiny-store
            dataset: {source: synthetic, users: 60, items: 80, interactions: 1500}
            split: {kind: random, test: 0.2, seed: 3}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, batchSize: 256, optimizer: sparse-adam, seed: 1}
            trainer: {name: cpu}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
            """;

    @Test
    void aRunWithStoreIsRecordedInTheDatabaseAndItsDirectory(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path data = dir.resolve("server-data");
        LaunchResult result = launcher.launch("run", spec.toString(), "--out", dir.resolve("run").toString(),
                "--store", data.toString(), "-q");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("store: jdbc:h2:file:" + data.toAbsolutePath());
        assertThat(dir.resolve("run").resolve("results.jsonl")).exists();

        try (ExperimentDatabase db = ExperimentDatabase.open(data.toString())) {
            List<ExperimentRecord> runs = db.list(10, 0);
            assertThat(runs).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("tiny-store");
                assertThat(r.status()).isEqualTo(ExperimentStatus.FINISHED);
                assertThat(r.origin()).isEqualTo("cli: " + spec);
                assertThat(r.counts()).isEqualTo(new ExperimentRecord.Counts(4, 4, 0));
            });
            assertThat(db.rows(runs.get(0).id())).extracting(r -> r.point().compressor())
                    .containsExactly("plain", "bloom", "popularity", "random");
        }
    }

    @Test
    void keepModelsInTheSpecSavesModelsInTheRunDirectoryAlsoWithStore(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), "keepModels: true\n" + TINY);
        Path data = dir.resolve("server-data");
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch("run", spec.toString(), "--out", run.toString(), "--store",
                data.toString(), "-q");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        // as --save-models: every fitted point (not the references) beside the id maps and training items
        assertThat(run.resolve("models/plain-0")).isDirectory();
        assertThat(run.resolve("models/bloom-xxh64-r0.5-k2-both-0")).isDirectory();
        assertThat(run.resolve("models/popularity-nohash-r1.0-k1-none-0")).doesNotExist();
        assertThat(Files.readAllLines(run.resolve("models/user-ids.txt"))).hasSize(60);
        assertThat(Files.readAllLines(run.resolve("models/train-items.tsv"))).hasSize(60);
        // the models stay with the run directory: the database (and a server reading it) holds rows, not models
        assertThat(data.resolve("models")).doesNotExist();
        try (ExperimentDatabase db = ExperimentDatabase.open(data.toString())) {
            assertThat(db.list(10, 0)).singleElement().satisfies(r -> assertThat(r.spec()).contains("keepModels"));
        }
        LaunchResult recommend = launcher.launch("recommend", run.resolve("models/plain-0").toString(), "--trainer",
                "cpu", "--user", "5", "-k", "3");
        assertThat(recommend.exitCode()).as(recommend.getErrorOutput()).isZero();
        assertThat(recommend.getOutput().lines()).hasSize(4).first().isEqualTo("rank  item  score");
    }

    @Test
    void aStoreThatCannotBeOpenedIsAUserError(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        LaunchResult result = launcher.launch("run", spec.toString(), "--out", dir.resolve("run").toString(),
                "--store", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret", "-q");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--store: cannot open the experiment store "
                + "jdbc:postgresql://127.0.0.1:1/none?user=u&password=***").doesNotContain("secret");
    }
}
