package io.bloomfit.experiment.grid;

/**
 * The ranking quality of one fitted model on the test interactions, ranked over all items with the user's
 * training items excluded.
 *
 * @param mrr            mean reciprocal rank
 * @param precisionAt10  precision at 10
 * @param recallAt10     recall at 10
 * @param ndcgAt10       normalised discounted cumulative gain at 10
 */
public record RankingMetrics(double mrr, double precisionAt10, double recallAt10, double ndcgAt10) {
}
