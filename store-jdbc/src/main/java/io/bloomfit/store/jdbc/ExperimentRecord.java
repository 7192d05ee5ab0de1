package io.bloomfit.store.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * One experiment as the store holds it.
 *
 * @param id     its id (a UUID)
 * @param name   the spec's name
 * @param origin who submitted it, e.g. {@code api} or {@code cli: examples/quickstart.yaml}
 * @param spec   the canonical spec (JSON, defaults filled in)
 * @param status where it stands
 * @param error  why the run failed, or {@code null}
 * @param counts its grid points
 * @param times  when it was created, started and finished
 */
public record ExperimentRecord(String id, String name, String origin, String spec, ExperimentStatus status,
                               String error, Counts counts, Times times) {

    public ExperimentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(times, "times");
    }

    /**
     * Grid points.
     *
     * @param total    points of the grid (0 until the run expanded it)
     * @param finished points with a stored row (ok or failed)
     * @param failed   of those, the failed ones
     */
    public record Counts(int total, int finished, int failed) {
    }

    /**
     * When things happened.
     *
     * @param created  submitted
     * @param started  the latest run started, or {@code null}
     * @param finished the latest run ended, or {@code null}
     */
    public record Times(Instant created, Instant started, Instant finished) {
    }
}
