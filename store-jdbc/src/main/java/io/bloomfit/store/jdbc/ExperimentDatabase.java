package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.store.ResultStores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Experiments, their grid-point results and their progress events in one SQL database (an embedded H2 file, or
 * PostgreSQL), shared by the CLI, the server and distributed runners. The schema is created and upgraded by Flyway
 * when the database is opened. Each experiment's rows are read and written through {@link #results(String)}, a
 * {@link io.bloomfit.experiment.store.ResultStore} that commits every finished point in one transaction.
 * Thread-safe; {@link #close()} releases the connections.
 */
public final class ExperimentDatabase implements AutoCloseable {

    /** The file name (without H2's {@code .mv.db}) of the embedded database in a data directory. */
    public static final String EMBEDDED_NAME = "bloomfit";

    private static final String COLUMNS = "id, name, origin, spec, status, error, points_total, points_finished, "
            + "points_failed, created_at, started_at, finished_at";

    private final String location;
    private final ConnectionPool pool;

    private ExperimentDatabase(String url, String user, String password) {
        this.location = redact(url);
        this.pool = new ConnectionPool(url, user, password);
    }

    /**
     * Opens the database a store URI names and brings its schema up to date: a JDBC URL ({@code jdbc:h2:file:...},
     * {@code jdbc:postgresql://host/db?user=...}) as it is, anything else as a directory holding the embedded H2
     * database {@code DIR/bloomfit.mv.db} (created on first use, like the server's data directory).
     *
     * @param user     database user, or {@code null} (then the URL may carry it)
     * @param password password, or {@code null}
     * @throws StoreException when the database cannot be reached or migrated, naming it
     */
    public static ExperimentDatabase open(String uri, String user, String password) {
        String url = jdbcUrl(uri);
        try {
            Migrations.migrate(url, user, password);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the experiment store " + redact(url) + ": " + rootMessage(e)
                    + hint(url), e);
        }
        return new ExperimentDatabase(url, user, password);
    }

    /** As {@link #open(String, String, String)}, credentials (if any) in the URL. */
    public static ExperimentDatabase open(String uri) {
        return open(uri, null, null);
    }

    /**
     * The JDBC URL of a store URI: a {@code jdbc:} URL as it is, else the embedded database in that directory. An H2
     * file database gets {@code WRITE_DELAY=0} unless the URL sets it: H2 otherwise writes commits up to 500 ms
     * later, and a killed process would lose points the store had reported as stored.
     */
    public static String jdbcUrl(String uri) {
        Objects.requireNonNull(uri, "uri");
        String url = uri;
        if (!uri.startsWith("jdbc:")) {
            Path file = Path.of(uri).toAbsolutePath().normalize().resolve(EMBEDDED_NAME);
            url = "jdbc:h2:file:" + file;
        }
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            url += ";WRITE_DELAY=0";
        }
        return url;
    }

    private static String hint(String url) {
        if (url.startsWith("jdbc:h2:file:")) {
            return " (an embedded database is used by one process at a time: stop the server that holds it, or "
                    + "point both at a PostgreSQL database)";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return " (check host, port, database name, user and password)";
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** {@code url} without the value of a {@code password} parameter, for messages and logs. */
    static String redact(String url) {
        return ResultStores.redacted(url);
    }

    /** The database, for messages (its URL, any password left out). */
    public String location() {
        return location;
    }

    /** Whether the database answers within {@code seconds} (a readiness check). */
    public boolean ping(int seconds) {
        return pool.ping(seconds);
    }

    /** A new experiment in status {@code queued}. */
    public ExperimentRecord create(String name, String origin, String spec) {
        String id = UUID.randomUUID().toString();
        Instant now = now();
        run("create an experiment", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO experiments (id, name, origin, spec, status, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, name);
                s.setString(3, origin);
                s.setString(4, spec);
                s.setString(5, ExperimentStatus.QUEUED.specName());
                s.setObject(6, utc(now));
                s.executeUpdate();
            }
            return null;
        });
        return new ExperimentRecord(id, name, origin, spec, ExperimentStatus.QUEUED, null,
                new ExperimentRecord.Counts(0, 0, 0), new ExperimentRecord.Times(now, null, null));
    }

    /** The experiment {@code id}, if the store has it. */
    public Optional<ExperimentRecord> find(String id) {
        return run("read experiment " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(record(r)) : Optional.<ExperimentRecord>empty();
                }
            }
        });
    }

    /** Experiments newest first, skipping {@code offset}, at most {@code limit}. */
    public List<ExperimentRecord> list(int limit, int offset) {
        return run("list experiments", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM experiments "
                    + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
                s.setInt(1, limit);
                s.setInt(2, offset);
                List<ExperimentRecord> records = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        records.add(record(r));
                    }
                }
                return records;
            }
        });
    }

    /** How many experiments the store holds. */
    public int count() {
        return run("count experiments", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM experiments")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /**
     * Moves an experiment to {@code status} and records a {@code status} event, in one transaction: {@code running}
     * sets the start time (and clears the finish time and error), the others set the finish time, except
     * {@code queued}, which only changes the status.
     *
     * @param error why it failed, or {@code null}
     * @return whether the experiment exists
     */
    public boolean transition(String id, ExperimentStatus status, String error) {
        return run("update experiment " + id, c -> {
            Instant now = now();
            String times = switch (status) {
                case RUNNING -> "started_at = ?, finished_at = NULL";
                case QUEUED -> "finished_at = NULL";
                default -> "finished_at = ?";
            };
            try (PreparedStatement s = c.prepareStatement("UPDATE experiments SET status = ?, error = ?, " + times
                    + " WHERE id = ?")) {
                int i = 1;
                s.setString(i++, status.specName());
                s.setString(i++, error);
                if (status != ExperimentStatus.QUEUED) {
                    s.setObject(i++, utc(now));
                }
                s.setString(i, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            insertEvent(c, id, EventKind.STATUS, EventJson.status(status, error), now);
            return true;
        });
    }

    /** Stores what the run's data was (e.g. {@code 943 users, 1682 items, ...}), for the report's heading. */
    public void describeData(String id, String description) {
        run("update experiment " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE experiments SET data_description = ? WHERE id = ?")) {
                s.setString(1, description);
                s.setString(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What {@link #describeData} stored, or {@code null}. */
    public String dataDescription(String id) {
        return run("read experiment " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT data_description FROM experiments WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    /** Stores how many points the experiment's grid has. */
    public void setTotal(String id, int total) {
        run("update experiment " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE experiments SET points_total = ? WHERE id = ?")) {
                s.setInt(1, total);
                s.setString(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks every {@code queued} or {@code running} experiment of {@code origin} as {@code interrupted}: what a
     * process that starts again finds of the runs its previous life did not finish (after a crash, too).
     *
     * @return the ids marked
     */
    public List<String> interruptActive(String origin) {
        List<String> ids = run("find active experiments", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM experiments WHERE origin = ? AND status IN "
                    + "(?, ?)")) {
                s.setString(1, origin);
                s.setString(2, ExperimentStatus.QUEUED.specName());
                s.setString(3, ExperimentStatus.RUNNING.specName());
                List<String> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
                return found;
            }
        });
        for (String id : ids) {
            transition(id, ExperimentStatus.INTERRUPTED, null);
        }
        return ids;
    }

    /** Deletes an experiment with its results and events; whether it existed. */
    public boolean delete(String id) {
        return run("delete experiment " + id, c -> {
            for (String table : List.of("events", "results")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE experiment_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM experiments WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Records a progress event; returns it with its sequence number. */
    public StoredEvent addEvent(String id, EventKind kind, String data) {
        Instant now = now();
        long seq = run("record an event of " + id, c -> insertEvent(c, id, kind, data, now));
        return new StoredEvent(id, seq, kind, now, data);
    }

    /** The experiment's events after sequence number {@code afterSeq} (0: all), oldest first. */
    public List<StoredEvent> events(String id, long afterSeq) {
        return run("read events of " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, at, data FROM events WHERE "
                    + "experiment_id = ? AND seq > ? ORDER BY seq")) {
                s.setString(1, id);
                s.setLong(2, afterSeq);
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(new StoredEvent(id, r.getLong(1), EventKind.fromSpec(r.getString(2)),
                                instant(r, 3), r.getString(4)));
                    }
                }
                return events;
            }
        });
    }

    /** The result rows of experiment {@code id}, read and written as a {@link io.bloomfit.experiment.store.ResultStore}. */
    public JdbcResultStore results(String id) {
        return new JdbcResultStore(this, id);
    }

    /** The stored rows of {@code id}, in the order they finished. */
    public List<ResultRow> rows(String id) {
        return results(id).rows();
    }

    static long insertEvent(Connection c, String id, EventKind kind, String data, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events (experiment_id, kind, at, data) VALUES "
                + "(?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, id);
            s.setString(2, kind.specName());
            s.setObject(3, utc(at));
            s.setString(4, data);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Runs database work in one transaction, failing with a {@link StoreException} that names it. */
    <T> T run(String what, ConnectionPool.Work<T> work) {
        try {
            return pool.inTransaction(work);
        } catch (SQLException e) {
            throw new StoreException("experiment store " + location + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static ExperimentRecord record(ResultSet r) throws SQLException {
        return new ExperimentRecord(r.getString("id"), r.getString("name"), r.getString("origin"),
                r.getString("spec"), ExperimentStatus.fromSpec(r.getString("status")), r.getString("error"),
                new ExperimentRecord.Counts(r.getInt("points_total"), r.getInt("points_finished"),
                        r.getInt("points_failed")),
                new ExperimentRecord.Times(instant(r, "created_at"), instant(r, "started_at"),
                        instant(r, "finished_at")));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Now, to the microsecond (what both databases keep). */
    static Instant now() {
        Instant now = Instant.now();
        return now.minusNanos(now.getNano() % 1000);
    }

    @Override
    public void close() {
        pool.close();
    }
}
