package io.bloomfit.server;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Where experiments are stored, {@code bloomfit.store.*} (environment {@code BLOOMFIT_STORE_URL}, ...): a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db}, {@code jdbc:h2:file:...}) or a directory. Unset: the standard
 * {@code quarkus.datasource.jdbc.url} (with {@code quarkus.datasource.username|password}) if given, else the
 * embedded H2 database in the data directory.
 */
@ConfigMapping(prefix = "bloomfit.store")
public interface StoreSettings {

    Optional<String> url();

    Optional<String> username();

    Optional<String> password();
}
