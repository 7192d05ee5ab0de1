/**
 * The {@code bloomfit} command (Quarkus + picocli): one class per subcommand ({@code run}, {@code report},
 * {@code recommend}, {@code datasets}, {@code plugins}, {@code hash}, {@code layout}, {@code bench}), progress
 * lines, Ctrl-C handling, and one message per error with documented exit codes ({@link io.bloomfit.cli.ExitCodes}).
 * Command names, options and output lines are a public contract.
 *
 * <p>May depend on {@code api}, {@code core}, {@code experiment}, the plugins and engines it bundles, and Quarkus;
 * nothing depends on this package. It computes nothing of its own: experiments run through
 * {@link io.bloomfit.experiment.ExperimentRunner}.
 */
package io.bloomfit.cli;
