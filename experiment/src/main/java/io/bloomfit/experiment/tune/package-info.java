/**
 * Tuning per grid point ({@code tune} section): {@link io.bloomfit.experiment.tune.PointTuner} fits every learning
 * rate x l2 combination (times the compressor option values {@code tune.options} gives the point's compressor) on
 * the training part minus a validation part with early stopping on a validation metric
 * ({@link io.bloomfit.experiment.tune.EarlyStopping}, fed by the trainer's per-epoch models), and returns the best
 * {@link io.bloomfit.experiment.grid.TunedChoice}; the runner refits it on the whole training part. Nothing here reads
 * the test part.
 *
 * <p>May depend on {@code io.bloomfit.experiment} (rankings metrics, evaluation) and {@code api}; the spec binds
 * {@link io.bloomfit.experiment.tune.TuneSpec}.
 */
package io.bloomfit.experiment.tune;

import io.bloomfit.experiment.grid.TunedChoice;
