/**
 * JMH benchmarks, one package per area ({@code hash}, {@code layout}, {@code eval}); training step timings
 * live in {@code engine-djl} and the CLI's {@code bench} command. Build with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests} and run {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.bloomfit.bench;
