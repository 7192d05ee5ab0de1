package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.List;
import java.util.Locale;

/**
 * How to split, as written in an experiment spec, e.g. {@code {kind: random, test: 0.2, seed: 42}}.
 *
 * <ul>
 *   <li>{@code random}: a seeded random {@code test} fraction of the distinct (user, item) pairs
 *       ({@link RandomSplit});</li>
 *   <li>{@code leave-last-out}: each user's latest pair ({@link LeaveLastOutSplit});</li>
 *   <li>{@code time-fraction}: each user's latest {@code test} fraction of pairs ({@link UserTimeSplit}).</li>
 * </ul>
 * {@code validation} (0 for none) carves a validation part out of the training part with the same kind: that
 * fraction of the training pairs for {@code random} and {@code time-fraction}, each user's last training pair for
 * {@code leave-last-out}.
 *
 * @param kind       random | leave-last-out | time-fraction
 * @param test       test fraction in (0, 1) (ignored by leave-last-out)
 * @param seed       seed of random choices
 * @param validation validation fraction in [0, 1) (for leave-last-out: any value > 0 asks for one)
 */
public record SplitSpec(String kind, double test, long seed, double validation) {

    public static final List<String> KINDS = List.of("random", "leave-last-out", "time-fraction");

    public SplitSpec {
        kind = kind == null ? "random" : kind.trim().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("split kind '" + kind + "' is unknown; use one of " + KINDS);
        }
        if (!kind.equals("leave-last-out") && !(test > 0 && test < 1)) {
            throw new IllegalArgumentException("split test fraction must be in (0, 1), was " + test
                    + "; e.g. test: 0.2");
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("split validation fraction must be in [0, 1), was " + validation);
        }
    }

    public static SplitSpec random(double test, long seed) {
        return new SplitSpec("random", test, seed, 0);
    }

    public static SplitSpec leaveLastOut() {
        return new SplitSpec("leave-last-out", 0, 0, 0);
    }

    public static SplitSpec timeFraction(double test) {
        return new SplitSpec("time-fraction", test, 0, 0);
    }

    public SplitSpec withValidation(double fraction) {
        return new SplitSpec(kind, test, seed, fraction);
    }

    /** Splits {@code data} as specified. */
    public Split apply(Interactions data) {
        switch (kind) {
            case "random": {
                Interactions[] tt = RandomSplit.split(data, test, seed);
                Interactions[] tv = validation > 0 ? RandomSplit.split(tt[0], validation, seed + 1)
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "random(test=" + test + ", seed=" + seed
                        + (validation > 0 ? ", validation=" + validation : "") + ")");
            }
            case "leave-last-out": {
                Interactions[] tt = LeaveLastOutSplit.split(data);
                Interactions[] tv = validation > 0 ? LeaveLastOutSplit.split(tt[0])
                        : new Interactions[] {tt[0], empty(data)};
                return Split.of(tv[0], tv[1], tt[1], "leave-last-out" + (validation > 0 ? "(validation)" : ""));
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
