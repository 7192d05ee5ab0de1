/**
 * Benchmarks of the hash functions: {@link io.bloomfit.bench.hash.HashFunctionBenchmark} (JMH, nanoseconds per call
 * of every built-in function looked up by name), {@link io.bloomfit.bench.hash.HashCpuTimeBenchmark} (the same loop
 * timed in thread CPU time, for shared machines) and {@link io.bloomfit.bench.hash.HashDesignChoicesBenchmark} (the
 * implementation choices of {@code hash-plugins} against their alternatives). Results and how to reproduce them:
 * docs/benchmarks.md.
 *
 * <p>Depends on {@code io.bloomfit.api.hash}, the {@code hash-plugins} providers found by name, the hashing
 * libraries they bring (zero-allocation-hashing, lz4-java, for the design-choice comparisons) and JMH.
 */
package io.bloomfit.bench.hash;
