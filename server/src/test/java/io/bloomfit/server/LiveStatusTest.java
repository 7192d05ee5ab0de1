package io.bloomfit.server;

import io.bloomfit.experiment.grid.LayoutStats;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;
import io.bloomfit.store.jdbc.ExperimentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory view of a running experiment follows the runner's writes to a real (H2) store. */
class LiveStatusTest {

    private static final String SPEC = "{\"name\":\"live\",\"grid\":{\"ratio\":[0.5]}}";
    private static final GridPoint POINT = new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 0, 1);

    @TempDir
    Path dir;

    private ExperimentDatabase database;

    @BeforeEach
    void open() {
        database = ExperimentDatabase.open(dir.toString());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ResultRow row(GridPoint p) {
        return new ResultRow(p, ResultStatus.OK, null, new RankingMetrics(0.25, 0.1, 0.2, 0.3),
                new ResultRow.Fit("cpu", "cpu", 2, new double[] {1.5}, new double[] {0.7}, 1.5),
                new ResultRow.Sizes(1234, 5678, 0.5, new LayoutStats(10, 10, 1.0, 0, 0.0, 1, 1.0),
                        new LayoutStats(20, 8, 0.4, 3, 0.15, 4, 2.5)),
                new ResultRow.Costs(0.01, 0.5, 99, "2026-01-01T00:00:00Z"));
    }

    @Test
    void theViewIsTheStoredRecordAfterEachWriteOfTheRunnerAndGoneAfterForget() throws Exception {
        ExperimentRecord created = database.create("live", "api", SPEC);
        List<String> calls = new ArrayList<>();
        ExperimentListener delegate = new ExperimentListener() {
            @Override
            public void started(List<GridPoint> points, int skipped) {
                calls.add("started " + points.size() + " " + skipped);
            }

            @Override
            public void pointFinished(ResultRow row, int index, int total) {
                calls.add("finished " + index + "/" + total);
            }
        };
        LiveStatus live = new LiveStatus(database, created.id(), delegate);
        assertThat(live.view()).as("before the first read").isNull();

        database.transition(created.id(), ExperimentStatus.RUNNING, null);
        live.refresh();
        assertThat(live.view().record().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(live.view().record().times().started()).isNotNull();
        assertThat(live.view().spec().path("name").asText()).isEqualTo("live");
        assertThat(live.view().spec().path("grid").path("ratio").get(0).asDouble()).isEqualTo(0.5);

        // what RecordingListener does before it passes started() on: the grid's size
        database.setTotal(created.id(), 3);
        live.started(List.of(POINT, POINT), 1);
        assertThat(live.view().record().counts()).isEqualTo(new ExperimentRecord.Counts(3, 0, 0));
        var specTree = live.view().spec();

        // what the runner does before pointFinished(): the row is committed (and counted) by the store
        database.results(created.id()).append(row(POINT));
        live.pointFinished(row(POINT), 1, 3);
        assertThat(live.view().record().counts()).isEqualTo(new ExperimentRecord.Counts(3, 1, 0));
        assertThat(live.view().spec()).as("the same spec text is parsed once").isSameAs(specTree);
        assertThat(live.view().record()).isEqualTo(database.find(created.id()).orElseThrow());
        assertThat(calls).containsExactly("started 2 1", "finished 1/3");

        live.forget();
        assertThat(live.view()).isNull();
    }

    @Test
    void aFailedReadKeepsTheLastView() {
        ExperimentRecord created = database.create("live", "api", SPEC);
        LiveStatus live = new LiveStatus(database, created.id(), null);
        live.refresh();
        ExperimentRecord before = live.view().record();
        database.close(); // every later read fails
        live.refresh();
        assertThat(live.view().record()).isSameAs(before);
    }
}
