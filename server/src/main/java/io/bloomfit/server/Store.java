package io.bloomfit.server;

import io.bloomfit.store.jdbc.ExperimentDatabase;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the experiment store once, at start-up (migrating its schema), and closes it at shutdown. */
@ApplicationScoped
public class Store {

    private static final Logger LOG = Logger.getLogger(Store.class);

    private ExperimentDatabase database;

    @Produces
    @Singleton
    @Startup
    ExperimentDatabase database(ServerSettings server, StoreSettings store, Config config) {
        Path dataDir = Path.of(server.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir.resolve(DataDirectory.DATASETS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = store.url()
                .or(() -> config.getOptionalValue("quarkus.datasource.jdbc.url", String.class))
                .orElse(dataDir.toString());
        String user = store.username()
                .or(() -> config.getOptionalValue("quarkus.datasource.username", String.class)).orElse(null);
        String password = store.password()
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class)).orElse(null);
        database = ExperimentDatabase.open(url, user, password);
        LOG.infof("experiment store: %s; data directory: %s", database.location(), dataDir);
        return database;
    }

    @PreDestroy
    void close() {
        if (database != null) {
            database.close();
        }
    }
}
