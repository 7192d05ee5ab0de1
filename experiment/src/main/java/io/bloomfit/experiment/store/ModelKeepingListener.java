package io.bloomfit.experiment.store;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.ExperimentListener;
import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.ResultRow;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * An experiment listener that saves every fitted point's model into {@link KeptModels} and passes everything on to
 * {@code delegate}. A model that cannot be saved fails its point (the runner records the error in its row).
 * Reference rankers and failed points are never fitted, so they keep no model.
 */
public final class ModelKeepingListener implements ExperimentListener {

    private final ExperimentListener delegate;
    private final KeptModels models;

    public ModelKeepingListener(ExperimentListener delegate, KeptModels models) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        delegate.started(points, skipped);
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        return delegate.pointStarted(point, index, total);
    }

    @Override
    public void modelFitted(GridPoint point, TrainedModel model) throws IOException {
        models.save(point, model);
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
