package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.experiment.store.StoredRun;

/**
 * A run of another process (the CLI's {@code run --store URI}, a Spark driver's {@code --store jdbc:...}) recorded
 * in an experiment database: the run appears there as an experiment (status {@code running}, then how it ended),
 * each row is committed there as its point finishes ({@link #results()}, on its own or mirrored from a run
 * directory), and its progress is recorded as events, so a server reading the same database lists and streams it.
 */
public final class RunRecording implements StoredRun {

    private final ExperimentDatabase database;
    private final ExperimentRecord record;
    private final JdbcResultStore results;
    private boolean ended;

    private RunRecording(ExperimentDatabase database, ExperimentRecord record) {
        this.database = database;
        this.record = record;
        this.results = database.results(record.id());
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
    @Override
    public String location() {
        return results.location();
    }

    /** The run's rows and spec in the database, one transaction per row. */
    @Override
    public ResultStore results() {
        return results;
    }

    /** {@code delegate}, with the run's progress also recorded as events. */
    @Override
    public ExperimentListener listener(ExperimentListener delegate) {
        return new RecordingListener(database, record.id(), delegate);
    }

    /** Records what the data was, for the server's report heading. */
    @Override
    public void describeData(String description) {
        database.describeData(record.id(), description);
    }

    /** Records how the run ended: {@code cancelled} (resumable in the server) or {@code finished}. */
    @Override
    public void ended(boolean cancelled) {
        end(cancelled ? ExperimentStatus.CANCELLED : ExperimentStatus.FINISHED, null);
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
}
