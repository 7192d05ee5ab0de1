package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.LayoutStats;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.experiment.grid.ResultRowJson;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every database behind {@link ExperimentDatabase} must do; subclasses name the database. */
abstract class StoreContractTest {

    ExperimentDatabase db;

    /** The store URI of a fresh, empty database. */
    abstract String freshUri() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = ExperimentDatabase.open(freshUri());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    static ResultRow row(String compressor, double ratio, ResultStatus status, double mrr) {
        GridPoint point = new GridPoint(compressor, compressor.equals("plain") ? null : "xxh64", ratio, 2,
                compressor.equals("plain") ? Sides.NONE : Sides.BOTH, 0, 7L);
        LayoutStats layout = new LayoutStats(100, 40, 0.4, 3, 0.03, 5, 2.5);
        return new ResultRow(point, status, status == ResultStatus.OK ? null : "diverged at epoch 2",
                status == ResultStatus.OK ? new RankingMetrics(mrr, 0.1, 0.2, 0.3) : null,
                new ResultRow.Fit("cpu", "cpu()", 1, new double[] {0.5, 0.25}, new double[] {0.69, Double.NaN},
                        0.75),
                new ResultRow.Sizes(1234, 4936, ratio, layout, null),
                new ResultRow.Costs(0.01, 0.02, 1 << 20, "2026-12-01T23:00:00Z"));
    }

    @Test
    void aNewExperimentIsQueuedAndListedNewestFirst() throws InterruptedException {
        ExperimentRecord first = db.create("one", "api", "{\"name\":\"one\"}");
        Thread.sleep(2);
        ExperimentRecord second = db.create("two", "cli: two.yaml", "{\"name\":\"two\"}");

        assertThat(first.status()).isEqualTo(ExperimentStatus.QUEUED);
        assertThat(db.list(10, 0)).extracting(ExperimentRecord::id).containsExactly(second.id(), first.id());
        assertThat(db.list(1, 1)).extracting(ExperimentRecord::id).containsExactly(first.id());
        assertThat(db.count()).isEqualTo(2);
        ExperimentRecord found = db.find(first.id()).orElseThrow();
        assertThat(found.spec()).isEqualTo("{\"name\":\"one\"}");
        assertThat(found.origin()).isEqualTo("api");
        assertThat(found.times().created()).isEqualTo(first.times().created());
        assertThat(db.find("no-such-id")).isEmpty();
    }

    @Test
    void rowsComeBackWithEveryFieldInOrderAndAreCounted() throws IOException {
        ExperimentRecord e = db.create("grid", "api", "{}");
        JdbcResultStore store = db.results(e.id());
        assertThat(store.hasResults()).isFalse();
        List<ResultRow> written = List.of(row("plain", 1.0, ResultStatus.OK, 0.25),
                row("bloom", 0.4, ResultStatus.FAILED, Double.NaN), row("bloom", 0.2, ResultStatus.OK, 0.125));
        for (ResultRow r : written) {
            store.append(r);
        }

        assertThat(store.hasResults()).isTrue();
        List<ResultRow> read = store.read();
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            // every field of the results.jsonl row survives the round trip
            assertThat(ResultRowJson.write(read.get(i))).isEqualTo(ResultRowJson.write(written.get(i)));
        }
        ExperimentRecord counted = db.find(e.id()).orElseThrow();
        assertThat(counted.counts().finished()).isEqualTo(3);
        assertThat(counted.counts().failed()).isEqualTo(1);
        assertThat(db.events(e.id(), 0)).extracting(StoredEvent::kind)
                .containsExactly(EventKind.POINT_FINISHED, EventKind.POINT_FINISHED, EventKind.POINT_FINISHED);
    }

    @Test
    void recoverDropsFailedRowsSoAResumeRunsThemAgain() throws IOException {
        ExperimentRecord e = db.create("grid", "api", "{}");
        JdbcResultStore store = db.results(e.id());
        store.append(row("plain", 1.0, ResultStatus.OK, 0.25));
        store.append(row("bloom", 0.4, ResultStatus.FAILED, Double.NaN));

        assertThat(store.recover()).isTrue();
        assertThat(store.read()).extracting(r -> r.point().compressor()).containsExactly("plain");
        assertThat(db.find(e.id()).orElseThrow().counts()).isEqualTo(new ExperimentRecord.Counts(0, 1, 0));
        store.append(row("bloom", 0.4, ResultStatus.OK, 0.5));
        assertThat(store.read()).extracting(r -> r.point().compressor()).containsExactly("plain", "bloom");
        assertThat(store.recover()).isFalse();
    }

    @Test
    void aPointStoredAgainReplacesItsRowsAndCountsOnce() throws IOException {
        // a resume in another process re-times the plain baseline: its new ok row replaces the old one
        ExperimentRecord e = db.create("grid", "api", "{}");
        JdbcResultStore store = db.results(e.id());
        store.append(row("plain", 1.0, ResultStatus.OK, 0.25));
        store.append(row("bloom", 0.4, ResultStatus.FAILED, Double.NaN));
        store.append(row("plain", 1.0, ResultStatus.OK, 0.5));

        assertThat(store.read()).extracting(ResultRow::mrr).containsExactly(Double.NaN, 0.5);
        // 2 points stored, 1 of them failed (bloom has no ok row)
        ExperimentRecord.Counts counts = db.find(e.id()).orElseThrow().counts();
        assertThat(counts.finished()).isEqualTo(2);
        assertThat(counts.failed()).isEqualTo(1);
        // a failed retry does not remove an ok row, nor count the point as failed
        store.append(row("plain", 1.0, ResultStatus.FAILED, Double.NaN));
        assertThat(store.read()).hasSize(3);
        assertThat(db.find(e.id()).orElseThrow().counts().failed()).isEqualTo(1);
    }

    @Test
    void transitionsSetTimesAndRecordStatusEvents() {
        ExperimentRecord e = db.create("t", "api", "{}");
        assertThat(db.transition(e.id(), ExperimentStatus.RUNNING, null)).isTrue();
        ExperimentRecord running = db.find(e.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.times().started()).isNotNull();
        assertThat(running.times().finished()).isNull();

        db.transition(e.id(), ExperimentStatus.FAILED, "data/ratings.csv:3: expected 3 fields");
        ExperimentRecord failed = db.find(e.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(failed.error()).contains("ratings.csv:3");
        assertThat(failed.times().finished()).isAfterOrEqualTo(failed.times().started());

        List<StoredEvent> events = db.events(e.id(), 0);
        assertThat(events).extracting(StoredEvent::kind).containsExactly(EventKind.STATUS, EventKind.STATUS);
        assertThat(events.get(1).data()).contains("\"status\":\"failed\"");
        assertThat(db.events(e.id(), events.get(0).seq())).hasSize(1);
        assertThat(db.transition("no-such-id", ExperimentStatus.RUNNING, null)).isFalse();
    }

    @Test
    void activeExperimentsOfOneOriginBecomeInterrupted() {
        ExperimentRecord running = db.create("a", "api", "{}");
        db.transition(running.id(), ExperimentStatus.RUNNING, null);
        ExperimentRecord queued = db.create("b", "api", "{}");
        ExperimentRecord finished = db.create("c", "api", "{}");
        db.transition(finished.id(), ExperimentStatus.FINISHED, null);
        ExperimentRecord cliRun = db.create("d", "cli: d.yaml", "{}");
        db.transition(cliRun.id(), ExperimentStatus.RUNNING, null);

        assertThat(db.interruptActive("api")).containsExactlyInAnyOrder(running.id(), queued.id());
        assertThat(db.find(running.id()).orElseThrow().status()).isEqualTo(ExperimentStatus.INTERRUPTED);
        assertThat(db.find(queued.id()).orElseThrow().status()).isEqualTo(ExperimentStatus.INTERRUPTED);
        assertThat(db.find(finished.id()).orElseThrow().status()).isEqualTo(ExperimentStatus.FINISHED);
        assertThat(db.find(cliRun.id()).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
    }

    @Test
    void deleteRemovesRowsAndEvents() throws IOException {
        ExperimentRecord e = db.create("gone", "api", "{}");
        db.results(e.id()).append(row("plain", 1.0, ResultStatus.OK, 0.25));
        db.addEvent(e.id(), EventKind.EPOCH, "{\"epoch\":1}");

        assertThat(db.delete(e.id())).isTrue();
        assertThat(db.find(e.id())).isEmpty();
        assertThat(db.events(e.id(), 0)).isEmpty();
        assertThat(db.results(e.id()).hasResults()).isFalse();
        assertThat(db.delete(e.id())).isFalse();
    }

    @Test
    void concurrentAppendsFromSeveralThreadsAreAllKept() throws Exception {
        ExperimentRecord e = db.create("parallel", "api", "{}");
        JdbcResultStore store = db.results(e.id());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                double ratio = 0.1 * (t + 1);
                futures.add(pool.submit(() -> {
                    go.await();
                    store.append(row("bloom", ratio, ResultStatus.OK, ratio));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read()).hasSize(8);
        assertThat(db.find(e.id()).orElseThrow().counts().finished()).isEqualTo(8);
    }

    @Test
    void theSpecIsStoredAndReadBack() throws IOException {
        ExperimentRecord e = db.create("s", "api", "{}");
        JdbcResultStore store = db.results(e.id());
        assertThat(store.storedSpec()).isEqualTo("{}");
        assertThat(store.location()).contains(e.id());
        assertThat(db.ping(2)).isTrue();
    }
}
