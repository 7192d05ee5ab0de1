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
 *   <li>{@code files}: the parts as given in {@link SplitFiles}, read by {@link FileSplit} (not by {@link #apply}).</li>
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
 * @param validation validation fraction in [0, 1) (for leave-last-out: any value > 0 asks for one; 0 for files)
 * @param files      the part files of kind {@code files}, {@code null} for every other kind
 */
public record SplitSpec(SplitKind kind, double test, long seed, double validation, SplitFiles files) {

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
        if ((kind == SplitKind.FILES) != (files != null)) {
            throw new IllegalArgumentException(kind == SplitKind.FILES
                    ? "split kind files needs the part files: {kind: files, train: PATH, test: PATH}"
                    : "only split kind files takes part files");
        }
    }

    /** A split of a kind that draws its parts ({@code files} {@code null}). */
    public SplitSpec(SplitKind kind, double test, long seed, double validation) {
        this(kind, test, seed, validation, null);
    }

    /** Kind {@code files}: the parts are read from {@code files}. */
    public static SplitSpec files(SplitFiles files) {
        return new SplitSpec(SplitKind.FILES, 0, 0, 0, java.util.Objects.requireNonNull(files, "split files"));
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
        return new SplitSpec(kind, test, seed, fraction, files);
    }

    /**
     * Splits {@code data} as specified.
     *
     * @throws IllegalStateException for kind {@code files}, whose parts are read ({@link FileSplit#read}), not drawn
     */
    public Split apply(Interactions data) {
        switch (kind) {
            case FILES:
                throw new IllegalStateException("a files split is read from its files (FileSplit.read), not drawn "
                        + "from one dataset");
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

    /**
     * Carves a validation part out of {@code train} with this split's kind, for tuning: a seeded random
     * {@code fraction} of the pairs for {@code random} (seed + 1, as {@link #apply} carves its validation part) and for
     * {@code files} (whose kind says nothing about order), each user's last pair for {@code leave-last-out}, each
     * user's latest {@code fraction} for {@code time-fraction}, each user's seeded random {@code fraction} for
     * {@code user-holdout} (seed + 1). The parts share {@code train}'s index space.
     *
     * @return {fit part, validation part}
     */
    public Interactions[] carveValidation(Interactions train, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), was " + fraction);
        }
        return switch (kind) {
            case RANDOM, FILES -> RandomSplit.split(train, fraction, seed + 1);
            case LEAVE_LAST_OUT -> LeaveLastOutSplit.split(train);
            case TIME_FRACTION -> UserTimeSplit.split(train, fraction);
            case USER_HOLDOUT -> UserHoldoutSplit.split(train, fraction, seed + 1);
        };
    }

    static Interactions empty(Interactions like) {
        return like.select(new int[0]);
    }
}
