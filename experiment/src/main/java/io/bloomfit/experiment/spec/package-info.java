/**
 * Experiment specs: read from YAML or JSON with {@code --set} overrides ({@link
 * io.bloomfit.experiment.spec.SpecReader}), bound and validated before anything runs (every problem at once, each
 * with its field path: {@link io.bloomfit.experiment.spec.SpecException}), and written back in canonical form
 * ({@code spec.json}). Each section's keys, types, ranges, defaults and canonical form are declared once, in its
 * schema class ({@code DatasetSection}, {@code SplitSection}, {@code ModelSection}, {@code TrainerSection},
 * {@code GridSection}, {@code TuneSection}; the per-compressor {@code options} of grid and tune in
 * {@code OptionAxesKey}, checked against each compressor's declared options). The spec keys are a public contract:
 * add keys, never rename them; {@code docs/spec.md} documents every one, and {@code SpecReferenceTest} checks it
 * against the key paths the schemas list ({@code SpecBinder.keyPaths()}).
 *
 * <p>May depend on {@code io.bloomfit.api} (plugin registries, model enums, trainer capabilities), {@code
 * io.bloomfit.core} (dataset and split specs), {@link io.bloomfit.host.Plugins} and {@link
 * io.bloomfit.experiment.grid.Sides}, and Jackson.
 */
package io.bloomfit.experiment.spec;
