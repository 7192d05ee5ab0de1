package io.bloomfit.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The store contract on PostgreSQL 15 in a container (Testcontainers, the image {@link LocalPostgres} builds). */
class PostgresStoreTest extends StoreContractTest {

    private static LocalPostgres postgres;
    private static String url;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One database for the class (created and migrated once), emptied before each test. */
    @Override
    String freshUri() throws Exception {
        if (url == null) {
            url = postgres.freshDatabaseUrl();
        } else {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM events");
                s.executeUpdate("DELETE FROM results");
                s.executeUpdate("DELETE FROM experiments");
            }
        }
        return url;
    }
}
