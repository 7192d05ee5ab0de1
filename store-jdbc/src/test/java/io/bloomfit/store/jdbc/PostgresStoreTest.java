package io.bloomfit.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL 15 in a container (Testcontainers, the image {@link LocalPostgres} builds). */
class PostgresStoreTest extends StoreContractTest {

    private static LocalPostgres postgres;

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

    @Override
    String freshUri() throws Exception {
        return postgres.freshDatabaseUrl();
    }
}
