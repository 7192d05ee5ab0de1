/**
 * The experiment database: experiments, their grid-point results and progress events in SQL (an embedded H2
 * file, or PostgreSQL) with plain JDBC and Flyway migrations; shared by the CLI, the server and the Spark runner,
 * and offered to them as a store ({@code jdbc:} URLs, a server's data directory) through
 * {@link io.bloomfit.experiment.store.ResultStores}.
 */
module io.bloomfit.store.jdbc {
    requires transitive io.bloomfit.experiment;
    requires transitive java.sql;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;

    exports io.bloomfit.store.jdbc;

    provides io.bloomfit.experiment.store.ResultStoreProvider with io.bloomfit.store.jdbc.JdbcStoreProvider;
}
