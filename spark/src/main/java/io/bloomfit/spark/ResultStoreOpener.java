package io.bloomfit.spark;

import io.bloomfit.experiment.store.ResultStore;

/**
 * Opens the result store {@code --store URL} or {@code --out DIR} names. The seam where further stores (the JDBC
 * store of module {@code store-jdbc}) plug in; {@link SweepStores} is the one this build ships.
 */
@FunctionalInterface
public interface ResultStoreOpener {

    /**
     * @throws SweepUsageException when no store of this build can open {@code url}
     */
    ResultStore open(String url);
}
