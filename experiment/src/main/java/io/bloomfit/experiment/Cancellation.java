package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.ForwardingTrainingListener;
import io.bloomfit.api.train.TrainingListener;

/**
 * A request to stop a run, shared by whoever asks (a user's Ctrl-C, a server shutting down) and whatever runs the
 * points. Once cancelled it stays cancelled. Thread-safe.
 *
 * <p>What cancelling means is cooperative: schedulers start no further point, and a fit in progress stops before
 * its next step (its {@link TrainingListener#stopRequested()} answers true, and the trainer throws
 * {@link io.bloomfit.api.train.TrainingCancelledException}); a step in progress, and the evaluation of a point whose
 * fit already finished, run to their end.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    /** Asks every point not yet finished to stop; returns at once. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * {@code training}, except that {@link TrainingListener#stopRequested()} also answers true once this is
     * cancelled.
     */
    public TrainingListener guard(TrainingListener training) {
        return new ForwardingTrainingListener(training) {
            @Override
            public boolean stopRequested() {
                return cancelled || super.stopRequested();
            }
        };
    }
}
