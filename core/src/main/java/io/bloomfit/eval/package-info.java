/**
 * Ranking evaluation: {@link io.bloomfit.eval.Evaluator} ranks ALL items for every test user with the user's
 * training items excluded, in batches of {@link io.bloomfit.api.train.TrainedModel#scoreAll(int[])} calls, and
 * averages the per-user metrics of {@link io.bloomfit.eval.UserRanking} (reciprocal rank with ties averaged,
 * precision, recall, NDCG and hit rate at k, AUC) into an {@link io.bloomfit.eval.EvaluationResult}; results do not
 * depend on thread scheduling.
 *
 * <p>Depends on {@code io.bloomfit.api} ({@code io.bloomfit.api.data}, {@code io.bloomfit.api.train}) and the JDK
 * only; it scores through the {@code TrainedModel} contract, so it never names an engine.
 */
package io.bloomfit.eval;
