package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.ResultStore;

import java.io.IOException;
import java.util.List;

/**
 * A run of another process (the CLI's {@code run --store URI}, a Spark driver) recorded in an experiment database
 * beside its own store: the run appears there as an experiment (status {@code running}, then how it ended), each
 * row is committed there as its point finishes, and its progress is recorded as events, so a server reading the
 * same database lists and streams it.
 */
public final class RunRecording implements AutoCloseable {

    private final ExperimentDatabase database;
    private final ExperimentRecord record;
    private boolean ended;

    private RunRecording(ExperimentDatabase database, ExperimentRecord record) {
        this.database = database;
        this.record = record;
    }

    /**
     * Opens the database a store URI names ({@link ExperimentDatabase#open(String)}) and records a new running
     * experiment of {@code spec}.
     *
     * @param origin who runs it, e.g. {@code cli: examples/quickstart.yaml}
     * @throws StoreException when the database cannot be opened, naming it
     */
    public static RunRecording start(String uri, ExperimentSpec spec, String origin) {
        ExperimentDatabase database = ExperimentDatabase.open(uri);
        try {
            ExperimentRecord record = database.create(spec.name(), origin, spec.source());
            database.transition(record.id(), ExperimentStatus.RUNNING, null);
            return new RunRecording(database, record);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public String experimentId() {
        return record.id();
    }

    /** Where the run is recorded, for messages: the database and the experiment id. */
    public String location() {
        return database.results(record.id()).location();
    }

    /** {@code local}, with every row and the spec also committed to the database. */
    public ResultStore alongside(ResultStore local) {
        return new Alongside(local, database.results(record.id()));
    }

    /** {@code delegate}, with the run's progress also recorded as events. */
    public ExperimentListener listener(ExperimentListener delegate) {
        return new RecordingListener(database, record.id(), delegate);
    }

    /** Records what the data was, for the server's report heading. */
    public void describeData(String description) {
        database.describeData(record.id(), description);
    }

    /** Records how the run ended. */
    public void end(ExperimentStatus status, String error) {
        database.transition(record.id(), status, error);
        ended = true;
    }

    /** Closes the database; a run that did not {@link #end} is recorded as failed. */
    @Override
    public void close() {
        try {
            if (!ended) {
                database.transition(record.id(), ExperimentStatus.FAILED, "the run stopped on an error; see its "
                        + "console output");
            }
        } finally {
            database.close();
        }
    }

    /** The local store, mirrored into the database: reads come from the local one. */
    private static final class Alongside implements ResultStore {

        private final ResultStore local;
        private final ResultStore recorded;

        Alongside(ResultStore local, ResultStore recorded) {
            this.local = local;
            this.recorded = recorded;
        }

        @Override
        public String location() {
            return local.location();
        }

        @Override
        public boolean hasResults() throws IOException {
            return local.hasResults();
        }

        @Override
        public void writeSpec(ExperimentSpec spec) throws IOException {
            local.writeSpec(spec);
            recorded.writeSpec(spec);
        }

        @Override
        public String storedSpec() throws IOException {
            return local.storedSpec();
        }

        @Override
        public void append(ResultRow row) throws IOException {
            local.append(row);
            recorded.append(row);
        }

        @Override
        public boolean recover() throws IOException {
            return local.recover();
        }

        @Override
        public List<ResultRow> read() throws IOException {
            return local.read();
        }
    }
}
