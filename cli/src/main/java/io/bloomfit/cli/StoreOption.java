package io.bloomfit.cli;

import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.MirroredResultStore;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.experiment.store.ResultStores;
import io.bloomfit.experiment.store.StoreDirectory;
import io.bloomfit.experiment.store.StoreUnavailableException;
import io.bloomfit.experiment.store.StoredRun;

import java.io.PrintWriter;

/**
 * {@code run --store URI}: records the run in an experiment database beside its run directory (a {@code jdbc:} URL,
 * or a server's data directory, opened through {@link ResultStores}); without the option, the directory alone. A
 * database that cannot be opened is a user error naming it.
 */
final class StoreOption implements AutoCloseable {

    private final StoredRun recording;

    private StoreOption(StoredRun recording) {
        this.recording = recording;
    }

    static StoreOption open(String uri, ExperimentSpec spec, String specName, ExperimentData data) {
        if (uri == null) {
            return new StoreOption(null);
        }
        StoredRun recording;
        try {
            recording = ResultStores.open(uri, StoreDirectory.DATA_DIRECTORY, spec, "cli: " + specName);
        } catch (StoreUnavailableException e) {
            throw new UserError("--store: " + e.getMessage());
        }
        try {
            recording.describeData(data.description());
        } catch (RuntimeException e) {
            recording.close();
            throw e;
        }
        return new StoreOption(recording);
    }

    ResultStore store(ResultStore local) {
        return recording == null ? local : new MirroredResultStore(local, recording.results());
    }

    ExperimentListener listener(ExperimentListener delegate) {
        return recording == null ? delegate : recording.listener(delegate);
    }

    /** Records how the run ended and says where. */
    void ended(boolean cancelled, PrintWriter err) {
        if (recording == null) {
            return;
        }
        recording.ended(cancelled);
        err.println("store: " + recording.location());
        err.flush();
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
    }
}
