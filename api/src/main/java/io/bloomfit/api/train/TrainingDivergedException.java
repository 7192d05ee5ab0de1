package io.bloomfit.api.train;

/** The loss became NaN or infinite; the fit stopped. Carries where, so users can lower the learning rate. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;

    public TrainingDivergedException(int epoch, long step, double loss) {
        super("training diverged at epoch " + epoch + ", step " + step + " (loss " + loss
                + "); lower model.learningRate or raise model.l2");
        this.epoch = epoch;
        this.step = step;
    }

    public int epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }
}
