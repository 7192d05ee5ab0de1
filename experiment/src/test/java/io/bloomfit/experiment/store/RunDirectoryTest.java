package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunDirectoryTest {

    private final RunDirectory run = new RunDirectory(Path.of("runs", "quickstart"));

    @Test
    void everyFileOfARunHasItsDocumentedName() {
        assertThat(run.results()).isEqualTo(Path.of("runs/quickstart/results.jsonl"));
        assertThat(run.spec()).isEqualTo(Path.of("runs/quickstart/spec.json"));
        assertThat(run.summaryCsv()).isEqualTo(Path.of("runs/quickstart/summary.csv"));
        assertThat(run.reportHtml()).isEqualTo(Path.of("runs/quickstart/report.html"));
        assertThat(run.userIds()).isEqualTo(Path.of("runs/quickstart/models/user-ids.txt"));
        assertThat(run.itemIds()).isEqualTo(Path.of("runs/quickstart/models/item-ids.txt"));
    }

    @Test
    void aPointsModelFolderNamesEveryFieldButTheSeed() {
        assertThat(run.model(new GridPoint("bloom", "xxh64", 0.4, 2, Sides.BOTH, 0, 7)))
                .isEqualTo(Path.of("runs/quickstart/models/bloom-xxh64-r0.4-k2-both-0"));
        assertThat(RunDirectory.modelName(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 3, 4))).isEqualTo("plain-3");
        assertThat(RunDirectory.modelName(new GridPoint("quotient-remainder", null, 0.2, 2, Sides.ITEMS, 1, 2)))
                .isEqualTo("quotient-remainder-nohash-r0.2-k2-items-1");
        assertThat(RunDirectory.modelName(new GridPoint("my/comp", "h:1", 0.5, 1, Sides.USERS, 0, 1)))
                .isEqualTo("my_comp-h_1-r0.5-k1-users-0");
        // points that differ only by their options keep their models apart
        assertThat(RunDirectory.modelName(new GridPoint("bloom-hybrid", "xxh64", 0.5, 2, Sides.BOTH, 0, 1,
                io.bloomfit.api.plugin.PluginOptions.of(java.util.Map.of("hotShare", 0.25, "coldFloor", 0.2)))))
                .isEqualTo("bloom-hybrid-xxh64-r0.5-k2-both-coldFloor_0.2_hotShare_0.25-0");
    }
}
