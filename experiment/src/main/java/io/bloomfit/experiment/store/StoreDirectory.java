package io.bloomfit.experiment.store;

/**
 * What a directory given as a store (a path, or a {@code file:} URL) names: a run directory, where the run's rows
 * are its files ({@code bloomfit-spark --store DIR}), or a server's data directory, whose embedded experiment
 * database the run is recorded in ({@code bloomfit run --store DIR}, beside the run's own directory). A URL of
 * another scheme ({@code jdbc:...}) names its store whatever this says.
 */
public enum StoreDirectory {
    /** The run's rows go to {@code DIR/results.jsonl} ({@link DirectoryResultStore}). */
    RUN_DIRECTORY,
    /** The run is recorded in the experiment database a server keeps in {@code DIR}. */
    DATA_DIRECTORY
}
