/**
 * Where a run's rows are kept: the {@link io.bloomfit.experiment.store.ResultStore} contract, the one way a store
 * URI is opened ({@link io.bloomfit.experiment.store.ResultStores}: run directories here, other stores such as the
 * JDBC experiment database through {@link io.bloomfit.experiment.store.ResultStoreProvider}), the directory store
 * ({@link io.bloomfit.experiment.store.DirectoryResultStore}: {@code results.jsonl} and {@code spec.json}), the
 * JSON form of a row whose field names are a public contract ({@link io.bloomfit.experiment.grid.ResultRowJson}),
 * the one place every file name of a run directory lives ({@link io.bloomfit.experiment.store.RunDirectory}), and
 * kept models: a folder of saved models with the dataset's id maps and training items beside them, written while a
 * run fits ({@link io.bloomfit.experiment.keep.KeptModels}, {@link
 * io.bloomfit.experiment.keep.ModelKeepingListener}) and read back to recommend in source ids without the user's
 * training items ({@link io.bloomfit.experiment.keep.KeptModel}), shared by the CLI and the server.
 *
 * <p>May depend on {@code io.bloomfit.experiment} (the row and its parts), {@code io.bloomfit.experiment.spec}
 * (the spec it stores), {@code io.bloomfit.api} and {@code io.bloomfit.core} (models, id maps, the training
 * split's user items) and Jackson; never on the runner's scheduling, the reports, or an application.
 */
package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ResultRowJson;
