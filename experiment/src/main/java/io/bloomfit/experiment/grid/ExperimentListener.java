package io.bloomfit.experiment.grid;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import java.util.List;

/**
 * Progress of a whole experiment, for the CLI's progress lines and the server's event stream. Called from the
 * scheduler's threads: implementations must be quick and thread-safe when points run at once.
 */
public interface ExperimentListener {

    /** A listener that ignores everything. */
    ExperimentListener NONE = new ExperimentListener() {
    };

    /** The run starts: {@code points} will run, {@code skipped} finished in an earlier run. */
    default void started(List<GridPoint> points, int skipped) {
    }

    /** Point number {@code index} (1-based, of {@code total}) starts; its training reports to the returned listener. */
    default TrainingListener pointStarted(GridPoint point, int index, int total) {
        return TrainingListener.NONE;
    }

    /**
     * A point's model was fitted and evaluated, just before it is closed: the place to save it. An exception
     * here fails the point.
     */
    default void modelFitted(GridPoint point, TrainedModel model) throws java.io.IOException {
    }

    /** A point finished (ok or failed) and its row was stored. */
    default void pointFinished(ResultRow row, int index, int total) {
    }

    /** A started point's fit stopped because the run was cancelled: no row was stored, resume runs it again. */
    default void pointCancelled(GridPoint point, int index, int total) {
    }

    /**
     * Something about the run the user should know that is not a point's progress: a repaired store, a result
     * that cannot be compared, a layout much worse than theory. One line, without a prefix.
     */
    default void note(String message) {
    }
}
