/**
 * Grid sweeps on Apache Spark: {@link io.bloomfit.spark.SparkSweep} (the {@code spark-submit} and
 * {@code bin/bloomfit-spark} entry point) validates the spec as the CLI does and drives the shared
 * {@link io.bloomfit.experiment.ExperimentRunner} with a {@link io.bloomfit.spark.SparkPointScheduler}, which runs
 * each remaining grid point as one Spark task through the shared {@link io.bloomfit.experiment.PointRunner}
 * ({@link io.bloomfit.spark.PointTask} on the executors) and stores each row on the driver as its task finishes.
 *
 * <p>Depends on {@code experiment} (and through it {@code api} and {@code core}) and on Spark ({@code provided}:
 * the cluster brings it); at run time on the plugin modules and engines the executors train with. Never on Quarkus,
 * the CLI or the server: this package runs in a process of its own.
 */
package io.bloomfit.spark;
