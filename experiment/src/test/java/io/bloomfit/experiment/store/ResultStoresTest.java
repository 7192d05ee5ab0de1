package io.bloomfit.experiment.store;

import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Store URIs as this module alone opens them: no provider is on its test class path (store-jdbc depends on it). */
class ResultStoresTest {

    private static final ExperimentSpec SPEC = Fixtures.spec();

    @Test
    void aPathOrFileUrlIsARunDirectoryThatRecordsNothingElse(@TempDir Path dir) {
        StoredRun byPath = ResultStores.open(dir.toString(), StoreDirectory.RUN_DIRECTORY, SPEC, "test");
        StoredRun byUrl = ResultStores.open(dir.toUri().toString(), StoreDirectory.RUN_DIRECTORY, SPEC, "test");
        StoredRun relative = ResultStores.open("runs/relative", StoreDirectory.RUN_DIRECTORY, SPEC, "test");

        assertThat(byPath.results()).isInstanceOfSatisfying(DirectoryResultStore.class,
                s -> assertThat(s.directory().path()).isEqualTo(dir));
        assertThat(byUrl.results()).isInstanceOfSatisfying(DirectoryResultStore.class,
                s -> assertThat(s.directory().path()).isEqualTo(dir));
        assertThat(relative.location()).isEqualTo(Path.of("runs/relative", "results.jsonl").toString());
        assertThat(byPath.listener(ExperimentListener.NONE)).isSameAs(ExperimentListener.NONE);
        assertThat(byPath.results()).isSameAs(byPath.results());
    }

    @Test
    void whatNamesADirectory() {
        assertThat(ResultStores.namesDirectory("runs/a")).isTrue();
        assertThat(ResultStores.namesDirectory("/srv/runs")).isTrue();
        assertThat(ResultStores.namesDirectory("file:/srv/runs")).isTrue();
        assertThat(ResultStores.namesDirectory("C:\\runs")).isTrue();
        assertThat(ResultStores.namesDirectory("jdbc:h2:file:/srv/db")).isFalse();
        assertThat(ResultStores.namesDirectory("s3://bucket/run")).isFalse();
    }

    @Test
    void unknownSchemesAndMissingProvidersAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> ResultStores.open("s3://bucket/run", StoreDirectory.RUN_DIRECTORY, SPEC, "test"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("s3://bucket/run: unknown store; give a run directory (a path or a file: URL)");
        assertThatThrownBy(() -> ResultStores.open("jdbc:postgresql://db/x?user=u&password=secret",
                StoreDirectory.RUN_DIRECTORY, SPEC, "test")).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("jdbc:postgresql://db/x?user=u&password=***: unknown store; give a run directory (a path "
                        + "or a file: URL)");
        assertThatThrownBy(() -> ResultStores.open("/srv/bloomfit-data", StoreDirectory.DATA_DIRECTORY, SPEC,
                "test")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("/srv/bloomfit-data: no store of this build keeps a server's data directory");
    }

    @Test
    void aFileUrlThatNamesNoLocalPathIsRefused() {
        assertThatThrownBy(() -> ResultStores.directoryPath("file://host/share/run"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("file://host/share/run: not a file URL of a directory (")
                .hasMessageEndingWith("); write it as file:/absolute/path or give the path itself");
    }

    @Test
    void passwordsAreLeftOutOfMessages() {
        assertThat(ResultStores.redacted("jdbc:postgresql://db/b?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/b?user=u&password=***&ssl=true");
        assertThat(ResultStores.redacted("jdbc:h2:file:/x;PASSWORD=secret;MODE=x"))
                .isEqualTo("jdbc:h2:file:/x;PASSWORD=***;MODE=x");
    }
}
