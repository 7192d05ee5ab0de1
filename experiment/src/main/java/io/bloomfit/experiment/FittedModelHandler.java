package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.api.train.TrainedModel;
import java.io.IOException;

/** What to do with a point's model once it is fitted and evaluated, before it is closed (e.g. save it). */
@FunctionalInterface
public interface FittedModelHandler {

    /** Keeps nothing. */
    FittedModelHandler NONE = (point, model) -> {
    };

    /**
     * Called on the point's thread with the open model; an exception fails the point.
     */
    void fitted(GridPoint point, TrainedModel model) throws IOException;
}
