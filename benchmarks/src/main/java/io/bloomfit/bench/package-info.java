/**
 * Benchmarks, one package per area: JMH for {@code hash}, {@code layout} and {@code eval}; {@code train} holds the
 * training measurements behind {@code bloomfit bench train} and the tables of {@code docs/benchmarks.md}. Build
 * with {@code ./mvnw -pl benchmarks -am package -DskipTests} and run {@code java -jar benchmarks/target/benchmarks.jar}
 * (JMH) or {@code io.bloomfit.bench.train.TrainBenchmark} (see {@code docs/benchmarks.md}). May depend on anything
 * but the CLI and the server.
 */
package io.bloomfit.bench;
