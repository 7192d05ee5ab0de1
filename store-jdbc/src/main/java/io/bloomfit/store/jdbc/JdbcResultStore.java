package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.store.ResultStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * One experiment's rows in an {@link ExperimentDatabase}: each {@link #append} inserts the row (its scalar fields
 * as columns, the whole row as {@link ResultRowJson} JSON), counts it in the experiment and records its
 * {@code point-finished} event, in one transaction. A crash therefore loses at most the point in progress and
 * never leaves half a row, so {@link #recover()} has nothing to repair.
 */
public final class JdbcResultStore implements ResultStore {

    private final ExperimentDatabase database;
    private final String experimentId;

    JdbcResultStore(ExperimentDatabase database, String experimentId) {
        this.database = database;
        this.experimentId = experimentId;
    }

    public String experimentId() {
        return experimentId;
    }

    @Override
    public String location() {
        return database.location() + " (experiment " + experimentId + ")";
    }

    @Override
    public boolean hasResults() throws IOException {
        return io(() -> database.run("count results of " + experimentId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM results WHERE experiment_id = ?")) {
                s.setString(1, experimentId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) > 0;
                }
            }
        }));
    }

    @Override
    public void writeSpec(ExperimentSpec spec) throws IOException {
        io(() -> database.run("store the spec of " + experimentId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE experiments SET spec = ?, name = ? WHERE id = ?")) {
                s.setString(1, spec.source());
                s.setString(2, spec.name());
                s.setString(3, experimentId);
                if (s.executeUpdate() == 0) {
                    throw new SQLException("no experiment " + experimentId);
                }
            }
            return null;
        }));
    }

    @Override
    public String storedSpec() throws IOException {
        return io(() -> database.find(experimentId).map(ExperimentRecord::spec).orElse(null));
    }

    @Override
    public synchronized void append(ResultRow row) throws IOException {
        String json = ResultRowJson.write(row);
        io(() -> database.run("store a result of " + experimentId, c -> {
            int seq;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM results WHERE "
                    + "experiment_id = ?")) {
                s.setString(1, experimentId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    seq = r.getInt(1);
                }
            }
            if (row.ok()) {
                // a point stored again (a resume re-times the plain baseline in its own process) replaces its earlier
                // rows: the last ok row of a point is the one that counts, here as in ExperimentSummary
                try (PreparedStatement s = c.prepareStatement("DELETE FROM results WHERE experiment_id = ? AND "
                        + "point_key = ?")) {
                    s.setString(1, experimentId);
                    s.setString(2, row.point().key());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO results (experiment_id, seq, point_key, "
                    + "compressor, hash, ratio, hashes, sides, repeat, seed, status, error, mrr, precision_at_10, "
                    + "recall_at_10, ndcg_at_10, fit_seconds, parameters, bytes, trainer, device, finished_at, "
                    + "row_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                GridPoint p = row.point();
                int i = 1;
                s.setString(i++, experimentId);
                s.setInt(i++, seq);
                s.setString(i++, p.key());
                s.setString(i++, p.compressor());
                s.setString(i++, p.hash());
                s.setDouble(i++, p.ratio());
                s.setInt(i++, p.hashes());
                s.setString(i++, p.sides().specName());
                s.setInt(i++, p.repeat());
                s.setLong(i++, p.seed());
                s.setString(i++, row.status().specName());
                s.setString(i++, row.error());
                var m = row.metrics();
                i = number(s, i, m == null ? Double.NaN : m.mrr());
                i = number(s, i, m == null ? Double.NaN : m.precisionAt10());
                i = number(s, i, m == null ? Double.NaN : m.recallAt10());
                i = number(s, i, m == null ? Double.NaN : m.ndcgAt10());
                i = number(s, i, row.fit().fitSeconds());
                s.setLong(i++, row.sizes().parameters());
                s.setLong(i++, row.sizes().bytes());
                s.setString(i++, row.fit().trainer());
                s.setString(i++, row.fit().device());
                s.setString(i++, row.costs().finishedAt());
                s.setString(i, json);
                s.executeUpdate();
            }
            recount(c);
            ExperimentDatabase.insertEvent(c, experimentId, EventKind.POINT_FINISHED, EventJson.pointFinished(row),
                    ExperimentDatabase.now());
            return null;
        }));
    }

    /**
     * Forgets the failed rows before a resume runs those points again, and recounts: the experiment's counts then
     * describe the rows kept. Nothing is ever half-written here (see the class comment).
     *
     * @return whether failed rows were dropped
     */
    @Override
    public boolean recover() throws IOException {
        return io(() -> database.run("recount results of " + experimentId, c -> {
            int dropped;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM results WHERE experiment_id = ? AND status <> ?")) {
                s.setString(1, experimentId);
                s.setString(2, io.bloomfit.experiment.grid.ResultStatus.OK.specName());
                dropped = s.executeUpdate();
            }
            recount(c);
            return dropped > 0;
        }));
    }

    /**
     * Sets the experiment's counts from its stored rows: counts of points, not rows (a point is finished when it
     * has a row, failed when none of its rows is ok), so a point stored again counts once.
     */
    private void recount(java.sql.Connection c) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE experiments SET points_finished = (SELECT "
                + "COUNT(DISTINCT point_key) FROM results WHERE experiment_id = ?), points_failed = (SELECT "
                + "COUNT(DISTINCT r.point_key) FROM results r WHERE r.experiment_id = ? AND r.status <> ? AND NOT "
                + "EXISTS (SELECT 1 FROM results o WHERE o.experiment_id = r.experiment_id AND o.point_key = "
                + "r.point_key AND o.status = ?)) WHERE id = ?")) {
            String ok = io.bloomfit.experiment.grid.ResultStatus.OK.specName();
            s.setString(1, experimentId);
            s.setString(2, experimentId);
            s.setString(3, ok);
            s.setString(4, ok);
            s.setString(5, experimentId);
            s.executeUpdate();
        }
    }

    /**
     * Every row stored so far, in the order appended.
     *
     * @throws IOException when the database cannot be read or holds a row that is not one
     */
    @Override
    public List<ResultRow> read() throws IOException {
        List<String[]> stored = io(() -> database.run("read results of " + experimentId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, row_json FROM results WHERE experiment_id = ? "
                    + "ORDER BY seq")) {
                s.setString(1, experimentId);
                List<String[]> lines = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(new String[] {r.getString(1), r.getString(2)});
                    }
                }
                return lines;
            }
        }));
        List<ResultRow> rows = new ArrayList<>(stored.size());
        for (String[] line : stored) {
            try {
                rows.add(ResultRowJson.read(line[1]));
            } catch (JsonProcessingException | ResultRowJson.MalformedRowException e) {
                throw new IOException(location() + ", result " + line[0] + ": not a result row: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** As {@link #read()}, for callers without checked exceptions: failures are {@link StoreException}s. */
    public List<ResultRow> rows() {
        try {
            return read();
        } catch (IOException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static int number(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            s.setDouble(index, value);
        } else {
            s.setNull(index, Types.DOUBLE);
        }
        return index + 1;
    }

    /** Database work whose failures callers of {@link ResultStore} expect as {@link IOException}s. */
    @FunctionalInterface
    private interface StoreCall<T> {
        T call();
    }

    private static <T> T io(StoreCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
