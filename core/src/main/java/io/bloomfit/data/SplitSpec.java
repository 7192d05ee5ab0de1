package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to split, as written in an experiment spec, e.g. {@code {kind: random, test: 0.2, seed: 42}}.
 *
 * <ul>
 *   <li>{@code random}: a seeded random {@code test} fraction of the distinct (user, item) pairs
 *       ({@link RandomSplit});</li>
 *   <li>{@code leave-last-out}: each user's latest pair ({@link LeaveLastOutSplit});</li>
 *   <li>{@code time-fraction}: each user's latest {@code test} fraction of pairs ({@link UserTimeSplit});</li>
 *   <li>{@code user-holdout}: each user's seeded random {@code test} fraction of pairs ({@link UserHoldoutSplit}):
 *       the held-out items of a user's history, the rest being the input.</li>
 * </ul>
 * {@code validation} (0 for none) carves a validation part out of the training part with the same kind: that
 * fraction of the training pairs for {@code random}, {@code time-fraction} and {@code user-holdout}, each user's
 * last training pair for {@code leave-last-out}.
 *
 * @param kind       which split
 * @param test       test fraction in (0, 1) (ignored by leave-last-out)
 * @param seed       seed of random choices
 * @param validation validation fraction in [0, 1) (for leave-last-out: any value > 0 asks for one)
 */
public record SplitSpec(SplitKind kind, double test, long seed, double validation) {

    /** The spec names of the kinds, in declaration order. */
    public static final List<String> KINDS = Arrays.stream(SplitKind.values()).map(SplitKind::specName).toList();

    public SplitSpec {
        Objects.requireNonNull(kind, "split.kind");
        if (kind.takesTestFraction() && !(test > 0 && test < 1)) {
            throw new IllegalArgumentException("split test fraction must be in (0, 1), was " + test
                    + "; e.g. test: 0.2");
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("split validation fraction must be in [0, 1), was " + validation);
        }
    }

    /**
     * As the canonical constructor, with the kind by its spec name ({@code null} for {@code random}).
     *
     * @throws IllegalArgumentException naming {@code split.kind} and the accepted names when the kind is unknown
     */
    public SplitSpec(String kind, double test, long seed, double validation) {
        this(kind == null ? SplitKind.RANDOM : SplitKind.fromSpec(kind.trim().toLowerCase(Locale.ROOT)), test, seed,
                validation);
    }

    public static SplitSpec random(double test, long seed) {
        return new SplitSpec(SplitKind.RANDOM, test, seed, 0);
    }

    public static SplitSpec leaveLastOut() {
        return new SplitSpec(SplitKind.LEAVE_LAST_OUT, 0, 0, 0);
    }

    public static SplitSpec timeFraction(double test) {
        return new SplitSpec(SplitKind.TIME_FRACTION, test, 0, 0);
    }

    public static SplitSpec userHoldout(double test, long seed) {
        return new SplitSpec(SplitKind.USER_HOLDOUT, test, seed, 0);
    }

    public SplitSpec withValidation(double fraction) {
        return new SplitSpec(kind, test, seed, fraction);
    }

    /** Splits {@code data} as specified. */
    public Split apply(Interactions data) {
        switch (kind) {
            case RANDOM: {
                Interactions[] tt = RandomSplit.split(data, test, seed);
                Interactions[] tv = validation > 0 ? RandomSplit.split(tt[0], validation, seed + 1)
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "random(test=" + test + ", seed=" + seed
                        + (validation > 0 ? ", validation=" + validation : "") + ")");
            }
            case LEAVE_LAST_OUT: {
                Interactions[] tt = LeaveLastOutSplit.split(data);
                Interactions[] tv = validation > 0 ? LeaveLastOutSplit.split(tt[0])
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "leave-last-out" + (validation > 0 ? "(validation)" : ""));
            }
            case USER_HOLDOUT: {
                Interactions[] tt = UserHoldoutSplit.split(data, test, seed);
                Interactions[] tv = validation > 0 ? UserHoldoutSplit.split(tt[0], validation, seed + 1)
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "user-holdout(test=" + test + ", seed=" + seed
                        + (validation > 0 ? ", validation=" + validation : "") + ")");
            }
            default: {
                Interactions[] tt = UserTimeSplit.split(data, test);
                Interactions[] tv = validation > 0 ? UserTimeSplit.split(tt[0], validation)
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "time-fraction(test=" + test
                        + (validation > 0 ? ", validation=" + validation : "") + ")");
            }
        }
    }

    static Interactions empty(Interactions like) {
        return like.select(new int[0]);
    }
}
