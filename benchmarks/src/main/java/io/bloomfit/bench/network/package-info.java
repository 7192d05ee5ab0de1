/**
 * Training speed of the Bloom input/output network ({@code model.kind: bloom-network}) against m/d, behind the
 * network section of {@code docs/benchmarks.md}. Depends on {@code core} (synthetic data), the plugins and
 * {@code engine-djl}; fits are timed by {@link io.bloomfit.bench.train.TrainBenchmark#time}.
 */
package io.bloomfit.bench.network;
