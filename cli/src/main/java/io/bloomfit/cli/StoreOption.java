package io.bloomfit.cli;

import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.store.jdbc.ExperimentStatus;
import io.bloomfit.store.jdbc.RunRecording;
import io.bloomfit.store.jdbc.StoreException;

import java.io.PrintWriter;

/**
 * {@code run --store URI}: records the run in an experiment database beside its run directory
 * ({@link RunRecording}); without the option, the directory alone. A database that cannot be opened is a user
 * error naming it.
 */
final class StoreOption implements AutoCloseable {

    private final RunRecording recording;

    private StoreOption(RunRecording recording) {
        this.recording = recording;
    }

    static StoreOption open(String uri, ExperimentSpec spec, String specName, ExperimentData data) {
        if (uri == null) {
            return new StoreOption(null);
        }
        try {
            RunRecording recording = RunRecording.start(uri, spec, "cli: " + specName);
            recording.describeData(data.description());
            return new StoreOption(recording);
        } catch (StoreException e) {
            throw new UserError("--store: " + e.getMessage());
        }
    }

    ResultStore store(ResultStore local) {
        return recording == null ? local : recording.alongside(local);
    }

    ExperimentListener listener(ExperimentListener delegate) {
        return recording == null ? delegate : recording.listener(delegate);
    }

    /** Records how the run ended and says where. */
    void ended(boolean cancelled, PrintWriter err) {
        if (recording == null) {
            return;
        }
        recording.end(cancelled ? ExperimentStatus.CANCELLED : ExperimentStatus.FINISHED, null);
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
