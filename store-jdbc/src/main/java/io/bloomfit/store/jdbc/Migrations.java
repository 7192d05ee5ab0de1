package io.bloomfit.store.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The schema's Flyway migrations ({@code db/bloomfit/V*.sql} in this jar), listed by name rather than found by
 * scanning the class path: Quarkus' packaged class loader does not list directories, so a scan would find nothing
 * there. A new migration is a new file here AND a new name in {@link #FILES}.
 */
final class Migrations {

    static final String LOCATION = "db/bloomfit";
    static final List<String> FILES = List.of("V1__experiments.sql");
    /** Flyway's history table, prefixed so the schema can share a database with others. */
    static final String HISTORY_TABLE = "bloomfit_schema_history";

    private Migrations() {
    }

    /** Brings the database's schema up to date (creating it in an empty database). */
    static void migrate(String url, String user, String password) {
        ClassLoader loader = Migrations.class.getClassLoader();
        Location location = new Location("classpath:" + LOCATION);
        List<LoadableResource> resources = FILES.stream()
                .<LoadableResource>map(f -> new ClassPathResource(location, LOCATION + "/" + f, loader,
                        StandardCharsets.UTF_8))
                .toList();
        ResourceProvider provider = new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return resources.stream().filter(r -> r.getFilename().equals(name) || r.getRelativePath().equals(name))
                        .findFirst().orElse(null);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return resources.stream().filter(r -> r.getFilename().startsWith(prefix))
                        .filter(r -> List.of(suffixes).stream().anyMatch(s -> r.getFilename().endsWith(s)))
                        .toList();
            }
        };
        Flyway.configure(loader)
                .dataSource(url, user, password)
                .locations(location)
                .resourceProvider(provider)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true) // a database that holds other tables: baseline 0, then V1 runs
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
