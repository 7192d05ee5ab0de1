package io.bloomfit.api.train;

/**
 * A fit stopped because its {@link TrainingListener#stopRequested()} said so (a user cancelled the run, a server
 * is shutting down). Not a failure of the point: runners keep every point that finished and do not record this
 * one.
 */
public final class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;

    public TrainingCancelledException(int epoch, long step) {
        super("fit cancelled at epoch " + epoch + ", step " + step);
        this.epoch = epoch;
        this.step = step;
    }

    /** The epoch (from 1) in which the fit stopped. */
    public int epoch() {
        return epoch;
    }

    /** The step (from 1) after which the fit stopped. */
    public long step() {
        return step;
    }
}
