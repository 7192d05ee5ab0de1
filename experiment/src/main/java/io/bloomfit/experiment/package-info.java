/**
 * The experiment runner: one run of a spec as the CLI, the server and the Spark driver compose it ({@link
 * io.bloomfit.experiment.ExperimentRun}: data, kept models, the grid; or its plan without running, {@link
 * io.bloomfit.experiment.PlannedRun}), a spec's grid expanded into points ({@link io.bloomfit.experiment.ExperimentPlan}), one
 * point run into one result row ({@link io.bloomfit.experiment.PointRunner}: layouts, fit, evaluation, sizes), how
 * points are executed ({@link io.bloomfit.experiment.PointScheduler}; {@link
 * io.bloomfit.experiment.LocalPointScheduler} runs them in this JVM), and the whole run with resume and
 * cooperative cancellation ({@link io.bloomfit.experiment.ExperimentRunner}, {@link
 * io.bloomfit.experiment.Cancellation}). The row ({@link io.bloomfit.experiment.grid.ResultRow}) and the listener are
 * what the CLI, the server and distributed schedulers see.
 *
 * <p>May depend on {@code io.bloomfit.api} (plugins, trainers, layouts), {@code io.bloomfit.core} (data, splits,
 * evaluator), {@code io.bloomfit.experiment.spec} and {@code io.bloomfit.experiment.store}, and Jackson; never on
 * an engine, the CLI, the server or Quarkus. It reads a trainer's declared capabilities, never its name.
 */
package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.ResultRow;
