package io.bloomfit.experiment.keep;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.ForwardingExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;

import java.io.IOException;
import java.util.Objects;

/**
 * An experiment listener that saves every fitted point's model into {@link KeptModels} and passes everything on to
 * {@code delegate}. A model that cannot be saved fails its point (the runner records the error in its row).
 * Reference rankers and failed points are never fitted, so they keep no model.
 */
public final class ModelKeepingListener extends ForwardingExperimentListener {

    private final KeptModels models;

    public ModelKeepingListener(ExperimentListener delegate, KeptModels models) {
        super(Objects.requireNonNull(delegate, "delegate"));
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public void modelFitted(GridPoint point, TrainedModel model) throws IOException {
        models.save(point, model);
        super.modelFitted(point, model);
    }
}
