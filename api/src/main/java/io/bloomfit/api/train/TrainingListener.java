package io.bloomfit.api.train;

/**
 * Progress of a fit, for progress bars (CLI) and event streams (server), and the way to cancel it. Called on the
 * training thread: implementations must be quick. Every method has a no-op default.
 *
 * <p>Cancellation is cooperative: a trainer asks {@link #stopRequested()} before every step and, when it answers
 * true, stops and throws {@link TrainingCancelledException}. A step in progress always finishes.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** An epoch starts; {@code steps} minibatches will follow. Epochs count from 1. */
    default void epochStarted(int epoch, int epochs, long steps) {
    }

    /** A step finished, with the mean loss so far in this epoch and the throughput so far. */
    default void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
    }

    /** An epoch finished. */
    default void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
    }

    /**
     * Whether the fit should stop before its next step. Trainers must ask before every step, so that a cancelled
     * run stops within one step.
     */
    default boolean stopRequested() {
        return false;
    }
}
