package io.bloomfit.experiment.grid;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;

/**
 * A {@link TrainingListener} that passes every call on to another one. A listener that adds to some calls (a stop
 * request of its own, recording epochs) extends this and overrides only those: every other call, the per-epoch
 * models included, still reaches the listener it wraps, so a wrapper cannot hide one by not overriding it.
 */
public abstract class ForwardingTrainingListener implements TrainingListener {

    private final TrainingListener delegate;

    /** Forwards to {@code delegate}; {@code null} means {@link TrainingListener#NONE}. */
    protected ForwardingTrainingListener(TrainingListener delegate) {
        this.delegate = delegate == null ? TrainingListener.NONE : delegate;
    }

    /** The listener every call goes on to. */
    protected final TrainingListener delegate() {
        return delegate;
    }

    @Override
    public void epochStarted(int epoch, int epochs, long steps) {
        delegate.epochStarted(epoch, epochs, steps);
    }

    @Override
    public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
        delegate.stepFinished(epoch, step, steps, meanLoss, examplesPerSecond);
    }

    @Override
    public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
        delegate.epochFinished(epoch, epochs, meanLoss, seconds);
    }

    @Override
    public boolean wantsEpochModels() {
        return delegate.wantsEpochModels();
    }

    @Override
    public void epochModel(int epoch, TrainedModel current) {
        delegate.epochModel(epoch, current);
    }

    @Override
    public boolean stopRequested() {
        return delegate.stopRequested();
    }
}
