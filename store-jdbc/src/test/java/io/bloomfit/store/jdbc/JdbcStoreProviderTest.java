package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.ResultStores;
import io.bloomfit.experiment.store.StoreDirectory;
import io.bloomfit.experiment.store.StoreUnavailableException;
import io.bloomfit.experiment.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiment database as {@link ResultStores} finds it on the class path (META-INF/services). */
class JdbcStoreProviderTest {

    private static final ExperimentSpec SPEC = SpecReader.read("""
            name: stored
            dataset: {source: synthetic, users: 60, items: 80, interactions: 1500}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, optimizer: sparse-adam}
            trainer: {name: cpu}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2]}
            """, "stored.yaml", false, "stored", null, List.of());

    @TempDir
    Path dir;

    @Test
    void aJdbcUrlRecordsTheRunAsARunningExperimentUntilItEnds() {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        String id;
        try (StoredRun run = ResultStores.open(url, StoreDirectory.RUN_DIRECTORY, SPEC, "spark: stored.yaml")) {
            assertThat(run).isInstanceOf(RunRecording.class);
            id = ((RunRecording) run).experimentId();
            assertThat(run.location()).startsWith("jdbc:h2:file:" + dir.resolve("db")).contains(id);
            assertThat(run.listener(ExperimentListener.NONE)).isInstanceOf(RecordingListener.class);
            run.describeData("tiny data");
            try (ExperimentDatabase db = ExperimentDatabase.open(url)) {
                assertThat(db.find(id).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
            }
            run.ended(true);
        }
        try (ExperimentDatabase db = ExperimentDatabase.open(url)) {
            ExperimentRecord record = db.find(id).orElseThrow();
            assertThat(record.status()).isEqualTo(ExperimentStatus.CANCELLED);
            assertThat(record.origin()).isEqualTo("spark: stored.yaml");
            assertThat(record.name()).isEqualTo("stored");
            assertThat(db.dataDescription(id)).isEqualTo("tiny data");
        }
    }

    @Test
    void aRunClosedWithoutAnEndIsRecordedAsFailed() {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        String id;
        try (StoredRun run = ResultStores.open(url, StoreDirectory.RUN_DIRECTORY, SPEC, "cli: stored.yaml")) {
            id = ((RunRecording) run).experimentId();
        }
        try (ExperimentDatabase db = ExperimentDatabase.open(url)) {
            assertThat(db.find(id).orElseThrow().status()).isEqualTo(ExperimentStatus.FAILED);
        }
    }

    @Test
    void aDirectoryIsADataDirectoryOnlyWhenTheCallerSaysSo() {
        Path data = dir.resolve("server-data");
        try (StoredRun byPath = ResultStores.open(data.toString(), StoreDirectory.DATA_DIRECTORY, SPEC, "cli: a");
             StoredRun byUrl = ResultStores.open(data.toUri().toString(), StoreDirectory.DATA_DIRECTORY, SPEC, "cli: b")) {
            assertThat(byPath.location()).startsWith("jdbc:h2:file:" + data.toAbsolutePath().resolve("bloomfit"));
            assertThat(byUrl.location()).startsWith("jdbc:h2:file:" + data.toAbsolutePath().resolve("bloomfit"));
        }
        assertThat(data.resolve("bloomfit.mv.db")).isRegularFile();

        try (StoredRun run = ResultStores.open(dir.resolve("run").toString(), StoreDirectory.RUN_DIRECTORY, SPEC,
                "spark: a")) {
            assertThat(run.results()).isInstanceOf(DirectoryResultStore.class);
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsAStoreUnavailableNamedWithoutItsPassword() {
        assertThatThrownBy(() -> ResultStores.open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret",
                StoreDirectory.RUN_DIRECTORY, SPEC, "spark: a")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot open the experiment store "
                        + "jdbc:postgresql://127.0.0.1:1/none?user=u&password=***: ")
                .hasMessageNotContaining("secret");
    }

    @Test
    void unknownStoresListTheDatabaseForms() {
        assertThatThrownBy(() -> ResultStores.open("s3://bucket/run", StoreDirectory.RUN_DIRECTORY, SPEC, "a"))
                .hasMessage("s3://bucket/run: unknown store; give a run directory (a path or a file: URL) or a "
                        + "database (jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:file:PATH)");
        assertThatThrownBy(() -> ResultStores.open("s3://bucket/run", StoreDirectory.DATA_DIRECTORY, SPEC, "a"))
                .hasMessage("s3://bucket/run: unknown store; give a server's data directory (a path or a file: URL)"
                        + " or a database (jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:file:PATH)");
    }
}
