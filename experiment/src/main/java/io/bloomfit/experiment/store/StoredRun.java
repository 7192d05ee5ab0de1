package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.ExperimentListener;

/**
 * One run as a store keeps it, opened by {@link ResultStores#open}: where its rows go ({@link #results()}) and, for
 * a store that records runs (an experiment database), the run's record there: its progress events, a description
 * of its data and how it ended. A run directory records nothing besides its rows: those methods do nothing there.
 * Held for the run's lifetime (try-with-resources).
 *
 * <p>An implementation must guarantee: {@link #results()} returns the same store on every call; {@link #close()}
 * releases what the store holds and, for a run that never reached {@link #ended}, records that it stopped on an
 * error, so a store never shows a run as running after its process is gone.
 */
public interface StoredRun extends AutoCloseable {

    /** Where the run's rows and spec go. */
    ResultStore results();

    /** {@code delegate}, with the run's progress also recorded where this store records it. */
    ExperimentListener listener(ExperimentListener delegate);

    /** Records what the run's data was (e.g. for a server's report heading). */
    void describeData(String description);

    /**
     * Records how the run ended.
     *
     * @param cancelled it was cancelled and may be resumed; else it finished
     */
    void ended(boolean cancelled);

    /** Where the run is kept, for messages (a database's URL without its password, with the run's id). */
    String location();

    @Override
    void close();
}
