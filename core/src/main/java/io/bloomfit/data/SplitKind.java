package io.bloomfit.data;

import io.bloomfit.api.train.SpecName;

/** How interactions are divided into train, validation and test: the closed vocabulary of {@code split.kind}. */
public enum SplitKind {
    /** A seeded random fraction of the distinct (user, item) pairs ({@link RandomSplit}). */
    RANDOM,
    /** Each user's latest pair ({@link LeaveLastOutSplit}). */
    LEAVE_LAST_OUT,
    /** Each user's latest fraction of pairs ({@link UserTimeSplit}). */
    TIME_FRACTION,
    /** Parts given as files ({@link SplitFiles}, read by {@link FileSplit}): nothing is drawn. */
    FILES,
    /** Per user, a seeded random fraction of the user's pairs ({@link UserHoldoutSplit}). */
    USER_HOLDOUT;

    /** The name used in specs, e.g. {@code leave-last-out}. */
    public String specName() {
        return SpecName.of(this);
    }

    /** Whether the split takes a test fraction ({@code leave-last-out} holds out one pair per user instead). */
    public boolean takesTestFraction() {
        return this != LEAVE_LAST_OUT && this != FILES;
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming {@code split.kind} and the accepted values
     */
    public static SplitKind fromSpec(String value) {
        return SpecName.parse(SplitKind.class, "split.kind", value);
    }
}
