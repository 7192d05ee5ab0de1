package io.bloomfit.experiment.store;

import java.io.IOException;

/**
 * A run's ownership of its {@link ResultStore}, held for the run's whole lifetime: while one run holds it, no other
 * run (in this process or another) can write the same store. Closing it releases the store.
 */
public interface RunClaim extends AutoCloseable {

    /** A claim that guards nothing: for stores that cannot be written by two runs at once anyway. */
    RunClaim NONE = () -> {
    };

    /** Releases the store. */
    @Override
    void close() throws IOException;
}
