/**
 * Benchmarks, one package per area: JMH for {@code hash}, {@code layout} and {@code eval}, the Bloom network's
 * epochs in {@code network}. The training measurements behind {@code bloomfit bench train} and the training tables
 * of {@code docs/benchmarks.md} ({@code io.bloomfit.bench.train}) live in the module {@code bench-train}, which has
 * no JMH, so that the CLI can ship them. Build with {@code ./mvnw -pl benchmarks -am package -DskipTests} and run
 * {@code java -jar benchmarks/target/benchmarks.jar} (JMH) or {@code io.bloomfit.bench.train.TrainBenchmark} (see
 * {@code docs/benchmarks.md}). May depend on anything but the CLI and the server.
 */
package io.bloomfit.bench;
