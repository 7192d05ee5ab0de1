package io.bloomfit.server;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.ForwardingExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The stored view of the experiment this server runs now, kept in memory so that {@code GET /api/experiments/{id}}
 * of the running experiment is answered without a database call, however busy the database or the runner is.
 *
 * <p>Guarantees: the copy is re-read by the experiments thread right after each of its own writes that the view
 * shows (the move to {@code running}, the grid's size, every stored point) and before the next one, so it is never
 * older than the runner's last commit; HTTP threads only read a volatile reference and never wait for the runner or
 * the database. Nothing but the runner writes a running experiment's row (cancel and delete leave a running
 * experiment to it). Before the run's final status is written, {@link #forget()} drops the copy, so readers go to
 * the database again and never see {@code running} after the store says otherwise. A failed re-read keeps the last
 * copy (the view is informative; the rows are what counts). The spec is parsed once per stored spec text.
 *
 * <p>As a listener it passes every call on to {@code delegate} first, then re-reads.
 */
final class LiveStatus extends ForwardingExperimentListener {

    /** The stored experiment and its spec as a JSON tree (shared by all readers: never modified). */
    record View(ExperimentRecord record, JsonNode spec) {
    }

    private final ExperimentDatabase database;
    private final String experimentId;
    private volatile View view;

    LiveStatus(ExperimentDatabase database, String experimentId, ExperimentListener delegate) {
        super(delegate);
        this.database = database;
        this.experimentId = experimentId;
    }

    /** The copy, or {@code null} before the first {@link #refresh()} and after {@link #forget()}. */
    View view() {
        return view;
    }

    /** Reads the experiment again (on the caller's thread: the experiments thread). */
    void refresh() {
        try {
            View old = view;
            database.find(experimentId).ifPresent(r -> view = new View(r, old != null
                    && old.record().spec() != null && old.record().spec().equals(r.spec())
                    ? old.spec() : ExperimentJson.specTree(r.spec())));
        } catch (RuntimeException e) {
            // keep the last copy: a store that failed here fails the runner's own next write too, and says so
        }
    }

    /** Drops the copy: readers ask the database again. */
    void forget() {
        view = null;
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        super.started(points, skipped);
        refresh();
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        super.pointFinished(row, index, total);
        refresh();
    }
}
