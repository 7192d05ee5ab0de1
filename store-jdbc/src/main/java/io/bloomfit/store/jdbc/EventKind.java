package io.bloomfit.store.jdbc;

import io.bloomfit.api.train.SpecName;

/** What an experiment event reports: the event names of the server's event stream. */
public enum EventKind {
    /** A grid point started: {@code point} (its label), {@code index}, {@code total}. */
    POINT_STARTED,
    /** An epoch of the running point ended: {@code epoch}, {@code epochs}, {@code loss}, {@code examples_per_second}. */
    EPOCH,
    /** A grid point finished: {@code row}, its result row as in {@code results.jsonl}. */
    POINT_FINISHED,
    /** The experiment's status changed: {@code status} and, for failures, {@code error}. */
    STATUS;

    /** The event name, e.g. {@code point-started}. */
    public String specName() {
        return SpecName.of(this);
    }

    /** The constant named {@code value}. */
    public static EventKind fromSpec(String value) {
        return SpecName.parse(EventKind.class, "kind", value);
    }
}
