/**
 * Training speed of any trainer ({@code djl}, {@code cpu}, ...): step time against table size, seconds per epoch of
 * a dataset, scoring time; {@link io.bloomfit.bench.train.TrainBenchmark#time} is the one place a fit is timed,
 * used by these tables and by {@code bloomfit bench train}. Module {@code bench-train}: depends on the api, the
 * host, {@code core} and {@code engine-djl}, never on JMH (the CLI ships it).
 */
package io.bloomfit.bench.train;
