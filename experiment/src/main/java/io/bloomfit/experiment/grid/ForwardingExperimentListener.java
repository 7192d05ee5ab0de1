package io.bloomfit.experiment.grid;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import java.io.IOException;
import java.util.List;

/**
 * An {@link ExperimentListener} that passes every call on to another one. A listener that adds to some calls (saves
 * a model, records progress, refreshes a cached view) extends this and overrides only those, calling
 * {@code super}: every other call, including any added to {@link ExperimentListener} later, still reaches the
 * listener it wraps, so a wrapper cannot lose a call (a {@code note}, say) by not overriding it.
 */
public abstract class ForwardingExperimentListener implements ExperimentListener {

    private final ExperimentListener delegate;

    /** Forwards to {@code delegate}; {@code null} means {@link ExperimentListener#NONE}. */
    protected ForwardingExperimentListener(ExperimentListener delegate) {
        this.delegate = delegate == null ? ExperimentListener.NONE : delegate;
    }

    /** The listener every call goes on to. */
    protected final ExperimentListener delegate() {
        return delegate;
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        delegate.started(points, skipped);
    }

    /** The delegate's training listener, {@link TrainingListener#NONE} when it returns none. */
    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        TrainingListener next = delegate.pointStarted(point, index, total);
        return next == null ? TrainingListener.NONE : next;
    }

    @Override
    public void modelFitted(GridPoint point, TrainedModel model) throws IOException {
        delegate.modelFitted(point, model);
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        delegate.pointFinished(row, index, total);
    }

    @Override
    public void pointCancelled(GridPoint point, int index, int total) {
        delegate.pointCancelled(point, index, total);
    }

    @Override
    public void note(String message) {
        delegate.note(message);
    }
}
