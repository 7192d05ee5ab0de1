package io.bloomfit.experiment.grid;

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
        return standard(new Evaluator());
    }

    /**
     * The standard protocol for one of {@code pointsInFlight} points evaluated at once: each evaluation gets its
     * share of the cores ({@code cores / pointsInFlight}, at least 1), so that one point's evaluation does not
     * take the cores the other points' fits are timed on. The metrics do not depend on the threads (the evaluator
     * sums its batches in order).
     */
    static Evaluation standard(int pointsInFlight) {
        int cores = Runtime.getRuntime().availableProcessors();
        return standard(new Evaluator().withThreads(Math.max(1, cores / Math.max(1, pointsInFlight))));
    }

    private static Evaluation standard(Evaluator evaluator) {
        return (model, train, test) -> {
            EvaluationResult r = evaluator.evaluate(model, train, test);
            return new RankingMetrics(r.mrr(), r.precisionAtK(), r.recallAtK(), r.ndcgAtK());
        };
    }
}
