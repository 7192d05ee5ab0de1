/**
 * The experiment store in a SQL database: {@link io.bloomfit.store.jdbc.ExperimentDatabase} (experiments, their
 * grid-point results and progress events; an embedded H2 file or PostgreSQL, schema by Flyway migrations in
 * {@code db/bloomfit/}), opened from a store URI (a {@code jdbc:} URL or a data directory) by the CLI, the server
 * and distributed runners alike; {@link io.bloomfit.store.jdbc.JdbcResultStore} is one experiment's rows as a
 * {@link io.bloomfit.experiment.store.ResultStore}, committed per point.
 *
 * <p>Plain JDBC and Flyway: may depend on {@code experiment} (and through it {@code api}, {@code core}, Jackson),
 * Flyway and the JDBC drivers, never on Quarkus, an engine or a plugin module. No {@code module-info}: the
 * drivers and Flyway are used on the class path (as Quarkus runs).
 */
package io.bloomfit.store.jdbc;
