package io.bloomfit.store.jdbc;

import io.bloomfit.api.train.SpecName;

/**
 * Where an experiment stands: the closed vocabulary of the {@code status} field the server reports and the
 * {@code experiments.status} column holds ({@code queued | running | finished | failed | cancelled | interrupted}).
 */
public enum ExperimentStatus {
    /** Accepted, waiting for its turn. */
    QUEUED,
    /** Its points are running now. */
    RUNNING,
    /** Every point ran (some may have failed rows; see the counts). */
    FINISHED,
    /** The run itself stopped on an error (data that cannot be loaded, a store that cannot be written). */
    FAILED,
    /** Stopped on request; finished points are kept and {@code resume} runs the rest. */
    CANCELLED,
    /** Was running when its process stopped (a restart, {@code kill -9}); finished points are kept. */
    INTERRUPTED;

    /** The name stored and reported, e.g. {@code queued}. */
    public String specName() {
        return SpecName.of(this);
    }

    /** Whether the experiment waits or runs: it cannot be deleted or resumed now. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /** Whether {@code resume} may run its unfinished points. */
    public boolean resumable() {
        return this == INTERRUPTED || this == CANCELLED || this == FAILED;
    }

    /**
     * The constant named {@code value}.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static ExperimentStatus fromSpec(String value) {
        return SpecName.parse(ExperimentStatus.class, "status", value);
    }
}
