package io.bloomfit.experiment.store;

import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MirroredResultStoreTest {

    @Test
    void everythingStoredGoesToBothAndReadsComeFromTheLocalStore(@TempDir Path dir) throws Exception {
        DirectoryResultStore local = new DirectoryResultStore(dir.resolve("local"));
        DirectoryResultStore mirror = new DirectoryResultStore(dir.resolve("mirror"));
        MirroredResultStore store = new MirroredResultStore(local, mirror);
        ResultRow row = new ResultRow(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1), ResultStatus.FAILED,
                "boom", null, new ResultRow.Fit("fixture", null, 1, null, null, Double.NaN),
                new ResultRow.Sizes(0, 0, 1.0, null, null), new ResultRow.Costs(0, Double.NaN, 0, "now"));

        store.writeSpec(Fixtures.spec());
        store.writeDataset(SyntheticDatasets.preset("synthetic-ml100k"));
        store.append(row);

        assertThat(store.location()).isEqualTo(local.location());
        assertThat(local.read()).hasSize(1);
        assertThat(mirror.read()).hasSize(1);
        assertThat(mirror.storedSpec()).isEqualTo(local.storedSpec()).isNotNull();
        assertThat(mirror.directory().dataset()).exists();
        assertThat(local.directory().dataset()).exists();
        assertThat(store.read()).extracting(ResultRow::error).containsExactly("boom");
    }
}
