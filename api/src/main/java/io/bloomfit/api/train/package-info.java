/**
 * CONTRACT package: the trainer SPI. {@link io.bloomfit.api.train.Trainer} is what an engine implements: it declares
 * its {@link io.bloomfit.api.train.TrainerCapabilities} (its own options among them), fits a
 * {@link io.bloomfit.api.train.FitRequest} (a {@link io.bloomfit.api.train.ModelSpec} of three parts,
 * {@link io.bloomfit.api.train.ModelArchitecture}, {@link io.bloomfit.api.train.Optimization} and
 * {@link io.bloomfit.api.train.TrainerSettings}; training interactions; one layout per side) and returns a
 * {@link io.bloomfit.api.train.TrainedModel} that scores, recommends, saves itself and reports a
 * {@link io.bloomfit.api.train.FitReport}. Progress and cooperative cancellation go through
 * {@link io.bloomfit.api.train.TrainingListener} ({@link io.bloomfit.api.train.TrainingCancelledException},
 * {@link io.bloomfit.api.train.TrainingDivergedException}). The closed vocabularies of a model spec are enums
 * ({@link io.bloomfit.api.train.ModelKind}, {@link io.bloomfit.api.train.OptimizerKind},
 * {@link io.bloomfit.api.train.Loss}, {@link io.bloomfit.api.train.DeviceChoice}) named in specs through
 * {@link io.bloomfit.api.train.SpecName}; a host looks trainers up by name ({@link io.bloomfit.api.plugin.NamedProviders}).
 *
 * <p>What an implementation may rely on: the request's layouts cover the training data's users and items; a runner
 * reads the declared capabilities (never the trainer's name) to decide whether fits may overlap, and the spec check
 * rejects a model the capabilities exclude before anything runs. What it must guarantee: capabilities that do not
 * claim more than it does, {@code stopRequested()} asked before every step, every layout treated alike (no
 * special case by compressor name), and every knob of its own that changes results declared as an option, so that
 * results and saved models record it (read once resolved, {@link io.bloomfit.api.train.TrainerSettings#resolved}).
 *
 * <p>Depends on the JDK ({@code java.base}) and the other {@code io.bloomfit.api} packages only; names and
 * signatures here are stable (add, never rename).
 */
package io.bloomfit.api.train;
