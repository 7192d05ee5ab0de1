package io.bloomfit.spark;

import io.bloomfit.experiment.store.DirectoryResultStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepStoresTest {

    private final SweepStores stores = new SweepStores();

    @Test
    void aPathOrFileUrlIsARunDirectory(@TempDir Path dir) {
        assertThat(stores.open(dir.toString())).isInstanceOf(DirectoryResultStore.class)
                .extracting(s -> ((DirectoryResultStore) s).directory().path()).isEqualTo(dir);
        assertThat(stores.open(dir.toUri().toString())).isInstanceOf(DirectoryResultStore.class)
                .extracting(s -> ((DirectoryResultStore) s).directory().path()).isEqualTo(dir);
        assertThat(stores.open("runs/relative").location()).isEqualTo(Path.of("runs/relative", "results.jsonl")
                .toString());
    }

    @Test
    void jdbcUrlsAreRefusedSayingTheStoreIsNotInThisBuild() {
        assertThatThrownBy(() -> stores.open("jdbc:postgresql://db:5432/bloomfit"))
                .isInstanceOf(SweepUsageException.class)
                .hasMessage("--store jdbc:postgresql://db:5432/bloomfit: the JDBC result store is not available in "
                        + "this build of bloomfit-spark; use --out DIR (or --store file:/path/to/dir) for a run "
                        + "directory");
    }

    @Test
    void otherSchemesAreUnknown() {
        assertThatThrownBy(() -> stores.open("s3://bucket/run")).isInstanceOf(SweepUsageException.class)
                .hasMessageContaining("unknown store");
    }
}
