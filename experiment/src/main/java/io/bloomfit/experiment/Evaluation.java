package io.bloomfit.experiment;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.eval.EvaluationResult;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.api.train.TrainedModel;

/** Measures a fitted model's ranking quality on the test interactions, the user's training items excluded. */
@FunctionalInterface
public interface Evaluation {

    RankingMetrics evaluate(TrainedModel model, Interactions train, Interactions test);

    /** The standard protocol: {@link Evaluator} at k = 10, ranking all items with training items excluded. */
    static Evaluation standard() {
        Evaluator evaluator = new Evaluator();
        return (model, train, test) -> {
            EvaluationResult r = evaluator.evaluate(model, train, test);
            return new RankingMetrics(r.mrr(), r.precisionAtK(), r.recallAtK(), r.ndcgAtK());
        };
    }
}
