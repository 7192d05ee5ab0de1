package io.bloomfit.store.jdbc;

import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.ResultStoreProvider;
import io.bloomfit.experiment.store.ResultStores;
import io.bloomfit.experiment.store.StoreDirectory;
import io.bloomfit.experiment.store.StoreUnavailableException;
import io.bloomfit.experiment.store.StoredRun;

import java.util.Locale;

/**
 * The experiment database as a store ({@link io.bloomfit.experiment.store.ResultStores}): a {@code jdbc:} URL
 * ({@code jdbc:postgresql://HOST/DB?user=U&password=P}, {@code jdbc:h2:file:PATH}), or a server's data directory
 * (a path or {@code file:} URL, when the caller says a directory is one), whose embedded H2 database is opened. Each
 * run is recorded as a new experiment ({@link RunRecording}).
 */
public final class JdbcStoreProvider implements ResultStoreProvider {

    /** Made by {@link java.util.ServiceLoader}. */
    public JdbcStoreProvider() {
    }

    @Override
    public boolean opens(String uri, StoreDirectory directory) {
        return uri.toLowerCase(Locale.ROOT).startsWith("jdbc:")
                || directory == StoreDirectory.DATA_DIRECTORY && ResultStores.namesDirectory(uri);
    }

    @Override
    public StoredRun open(String uri, ExperimentSpec spec, String origin) {
        String database = uri.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? uri
                : ResultStores.directoryPath(uri).toString();
        try {
            return RunRecording.start(database, spec, origin);
        } catch (StoreException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public String forms() {
        return "a database (jdbc:postgresql://HOST/DB?user=U&password=P or jdbc:h2:file:PATH)";
    }
}
