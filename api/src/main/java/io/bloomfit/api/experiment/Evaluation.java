package io.bloomfit.api.experiment;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainedModel;

/** Measures a fitted model's ranking quality on the test interactions, the user's training items excluded. */
@FunctionalInterface
public interface Evaluation {

    RankingMetrics evaluate(TrainedModel model, Interactions train, Interactions test);
}
