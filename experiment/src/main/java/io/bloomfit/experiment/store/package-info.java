/**
 * Where a run's rows are kept: the {@link io.bloomfit.experiment.store.ResultStore} contract, the directory store
 * ({@link io.bloomfit.experiment.store.DirectoryResultStore}: {@code results.jsonl} and {@code spec.json}), the
 * JSON form of a row whose field names are a public contract ({@link io.bloomfit.experiment.store.ResultRowJson}),
 * and the one place every file name of a run directory lives ({@link io.bloomfit.experiment.store.RunDirectory}).
 *
 * <p>May depend on {@code io.bloomfit.experiment} (the row and its parts), {@code io.bloomfit.experiment.spec}
 * (the spec it stores) and Jackson; never on the runner's scheduling, the reports, or an application.
 */
package io.bloomfit.experiment.store;
