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
     * Whether this listener wants {@link #epochModel} after every epoch (e.g. to stop early on a validation
     * metric). A trainer that can show its model between epochs then copies the parameters once per epoch; others
     * never call {@link #epochModel}, which the listener can tell from the calls it did not get.
     */
    default boolean wantsEpochModels() {
        return false;
    }

    /**
     * The model as it is after {@code epoch} epochs (called after {@link #epochFinished}, only when
     * {@link #wantsEpochModels()}): it scores like a finished model and is closed by the trainer after the call
     * returns, so it must not be kept.
     */
    default void epochModel(int epoch, TrainedModel current) {
    }

    /**
     * Whether the fit should stop before its next step. Trainers must ask before every step, so that a cancelled
     * run stops within one step.
     */
    default boolean stopRequested() {
        return false;
    }
}
