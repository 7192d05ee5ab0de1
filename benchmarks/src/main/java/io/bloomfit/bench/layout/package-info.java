/**
 * Benchmarks of layout building: {@link io.bloomfit.bench.layout.BloomLayoutBenchmark} (JMH, a {@code bloom} layout of
 * 10 million entities), {@link io.bloomfit.bench.layout.CollisionStatsBenchmark} (JMH, the collision statistics of
 * that layout) and {@link io.bloomfit.bench.layout.LayoutBuildCpuTime} (wall-clock and process CPU time of both, per
 * hash function). Results and how to reproduce them: docs/benchmarks.md.
 *
 * <p>Depends on {@code io.bloomfit.api.embed} and {@code io.bloomfit.api.hash}, the {@code embedding-plugins} and
 * {@code hash-plugins} providers found by name, and JMH.
 */
package io.bloomfit.bench.layout;
