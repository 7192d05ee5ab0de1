/**
 * Reports of a run's rows: the summary per grid group relative to the {@code plain} baseline ({@link
 * io.bloomfit.report.ExperimentSummary}), rendered as a console table, {@code summary.csv} (column names are a
 * public contract) and {@code report.html} with the bundled Chart.js; {@link io.bloomfit.report.ReportFiles}
 * writes the files into a {@link io.bloomfit.experiment.store.RunDirectory}.
 *
 * <p>May depend on {@code io.bloomfit.experiment} (rows), {@code io.bloomfit.experiment.store} (file names) and
 * Jackson; nothing in the runner, the spec or the stores depends on it.
 */
package io.bloomfit.report;
