package io.bloomfit.engine.factorization.testing;

import io.bloomfit.api.train.TrainingListener;

/** A listener that asks the fit to stop once {@code after} steps have finished, and counts the steps it saw. */
public final class StopAfterSteps implements TrainingListener {

    private final int after;
    private int finished;

    public StopAfterSteps(int after) {
        this.after = after;
    }

    @Override
    public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
        finished++;
    }

    @Override
    public boolean stopRequested() {
        return finished >= after;
    }

    /** Steps finished so far. */
    public int finished() {
        return finished;
    }
}
