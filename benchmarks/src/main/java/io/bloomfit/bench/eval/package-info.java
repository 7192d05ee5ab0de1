/**
 * Benchmarks of loading and evaluation: {@link io.bloomfit.bench.eval.UserRankingBenchmark} (JMH, the per-user metric
 * pass), {@link io.bloomfit.bench.eval.FullRankingEvaluation} (full-ranking evaluation of {@code synthetic-large} with
 * the untrained scorer {@link io.bloomfit.bench.eval.DotProductModel}) and {@link io.bloomfit.bench.eval.LoadLargeFile}
 * (loading time and heap of a MovieLens-10M-sized file). Results and how to reproduce them: docs/benchmarks.md.
 *
 * <p>Depends on {@code core} ({@code io.bloomfit.data}, {@code io.bloomfit.eval}), {@code io.bloomfit.api.data} and
 * {@code io.bloomfit.api.train}, and JMH; no engine (the scorer stands in for a trained model).
 */
package io.bloomfit.bench.eval;
