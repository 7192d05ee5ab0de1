package io.bloomfit.store.jdbc;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL container from the locally built image {@value #IMAGE} (no registry is reachable here, so it is
 * never pulled): {@code scripts/local-docker.sh} starts the Docker engine and builds the image. When either is
 * missing, {@link #start()} fails with a message that says to run that script; these tests never skip.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String IMAGE = "local/postgres:15";
    private static final String HOW = "run `source scripts/local-docker.sh` (installs docker.io, starts dockerd on "
            + "its own socket, builds " + IMAGE + "; it exports DOCKER_HOST, TESTCONTAINERS_RYUK_DISABLED=true and "
            + "TESTCONTAINERS_HOST_OVERRIDE=localhost), then run the tests from that shell";

    private final PostgreSQLContainer container;
    private final AtomicInteger databases = new AtomicInteger();

    private LocalPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    /** Starts a container after checking that the engine answers and the image exists. */
    @SuppressWarnings("resource")
    public static LocalPostgres start() {
        requireImage();
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"))
                .withImagePullPolicy(image -> false);
        container.start();
        return new LocalPostgres(container);
    }

    /** Fails, naming the script, unless the Docker engine answers and has {@link #IMAGE}. */
    public static void requireImage() {
        if (System.getenv("DOCKER_HOST") == null) {
            throw new IllegalStateException("DOCKER_HOST is not set, so the PostgreSQL tests have no Docker engine; "
                    + HOW);
        }
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw new IllegalStateException("no Docker engine answers at " + System.getenv("DOCKER_HOST") + "; " + HOW);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Docker image " + IMAGE + " is missing (it is built locally, never "
                    + "pulled); " + HOW, e);
        }
    }

    /** A JDBC URL with user and password of a new, empty database in the container. */
    public String freshDatabaseUrl() throws SQLException {
        String name = "bloomfit_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                container.getPassword()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + name
                + "?user=" + container.getUsername() + "&password=" + container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
