package io.bloomfit.store.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * One progress event of an experiment, as stored.
 *
 * @param experimentId the experiment
 * @param seq          increasing across the database (an SSE event id)
 * @param kind         what it reports
 * @param at           when it happened
 * @param data         its fields as a JSON object (see {@link EventKind})
 */
public record StoredEvent(String experimentId, long seq, EventKind kind, Instant at, String data) {

    public StoredEvent {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
    }
}
