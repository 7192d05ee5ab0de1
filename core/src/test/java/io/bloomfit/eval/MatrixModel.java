package io.bloomfit.eval;

import io.bloomfit.api.train.TrainedModel;

import java.util.function.IntFunction;

/**
 * Test models whose score rows come from a function of the user, to pick exact scores: a {@link ReferenceModel}
 * (the model whose scores come from a rule) with the test's rule.
 */
final class MatrixModel {

    private MatrixModel() {
    }

    /** Row {@code u} of {@code scores} for user {@code u}. */
    static TrainedModel of(float[][] scores) {
        return of(scores.length, scores[0].length, u -> scores[u]);
    }

    /** {@code rows.apply(u)} (numItems scores) for user {@code u}. */
    static TrainedModel of(int numUsers, int numItems, IntFunction<float[]> rows) {
        return ReferenceModel.perUser(numUsers, numItems,
                (user, row) -> System.arraycopy(rows.apply(user), 0, row, 0, numItems));
    }
}
