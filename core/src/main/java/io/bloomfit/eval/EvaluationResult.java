package io.bloomfit.eval;

/**
 * Ranking metrics over all items (training items excluded), averaged over the evaluated test users; see
 * {@link UserRanking} for the exact definitions and {@link Evaluator} for who is evaluated.
 *
 * @param mrr                      mean reciprocal rank (Spotlight's {@code mrr_score(model, test, train).mean()})
 * @param precisionAtK             mean Precision@k
 * @param recallAtK                mean Recall@k
 * @param ndcgAtK                  mean NDCG@k (binary relevance)
 * @param hitRateAtK               fraction of users with a test item in their top k
 * @param auc                      mean per-user AUC over users with at least one non-test candidate
 * @param rmse                     root mean squared error of scores against test ratings; {@code NaN} unless
 *                                 requested and the test data has ratings
 * @param k                        the top-k cut-off
 * @param usersEvaluated           users that entered the averages
 * @param coldStartUsers           test users without training interactions (excluded)
 * @param coldStartItems           distinct test items without training interactions (their test pairs excluded)
 * @param excludedTestInteractions test pairs left out: cold users, cold items, pairs also in train, repeats
 * @param seconds                  wall-clock seconds of the evaluation (scoring included)
 */
public record EvaluationResult(double mrr, double precisionAtK, double recallAtK, double ndcgAtK, double hitRateAtK,
                               double auc, double rmse, int k, int usersEvaluated, int coldStartUsers,
                               int coldStartItems, long excludedTestInteractions, double seconds) {

    /** One line for logs. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "MRR %.4f  P@%d %.4f  R@%d %.4f  NDCG@%d %.4f  HR@%d %.4f  AUC %.4f%s  (%d users, %d cold-start users"
                        + " and %d cold-start items excluded, %.1f s)",
                mrr, k, precisionAtK, k, recallAtK, k, ndcgAtK, k, hitRateAtK, auc,
                Double.isNaN(rmse) ? "" : String.format(java.util.Locale.ROOT, "  RMSE %.4f", rmse),
                usersEvaluated, coldStartUsers, coldStartItems, seconds);
    }
}
