package io.bloomfit.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The server's own settings, {@code bloomfit.server.*} (environment: {@code BLOOMFIT_SERVER_DATA_DIR},
 * {@code BLOOMFIT_SERVER_API_KEY}, ...). Host and port are Quarkus' own {@code quarkus.http.host|port}.
 */
@ConfigMapping(prefix = "bloomfit.server")
public interface ServerSettings {

    /** The data directory: the embedded database, uploaded datasets ({@code datasets/}), kept models. */
    @WithDefault("./bloomfit-data")
    String dataDir();

    /** When set, every call but {@code /q/health} needs {@code Authorization: Bearer <key>}. */
    Optional<String> apiKey();

    /** Experiments that may wait for their turn; a submission beyond gets 429. */
    @WithDefault("16")
    int queueSize();

    /** The largest request body (a dataset upload), bytes. */
    @WithDefault("67108864")
    long maxBody();

    /** The largest spec body, bytes. */
    @WithDefault("1048576")
    long maxSpecBody();

    /**
     * How many steps of nice value (0 to 19) the experiments' threads run below the server's own (its HTTP
     * threads), meant to keep the API responsive while a training keeps every core busy; 0 (the default) leaves
     * priorities alone. Off by default because it is not shown to help yet: on a machine loaded by other processes
     * the lowered training threads are starved by them and then hold up the JVM's safepoints, which stalls the HTTP
     * threads too (docs/benchmarks.md, "Server under load"). Linux only (see {@link TrainingPriority}).
     */
    @WithDefault("0")
    int trainingNice();

    /** Seconds a client is told to wait ({@code Retry-After}) when the queue is full. */
    @WithDefault("30")
    int retryAfterSeconds();
}
