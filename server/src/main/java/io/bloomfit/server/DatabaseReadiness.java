package io.bloomfit.server;

import io.bloomfit.store.jdbc.ExperimentDatabase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness ({@code /q/health/ready}): the experiment store answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    ExperimentDatabase database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("experiment-store").status(database.ping(2))
                .withData("store", database.location()).build();
    }
}
