package io.bloomfit.experiment.spec;

import io.bloomfit.data.SplitKind;
import io.bloomfit.data.SplitSpec;

import java.util.List;

/**
 * The {@code split} section's schema: {@code kind} ({@code random | leave-last-out | time-fraction |
 * user-holdout}, default {@code random}), {@code test} (fraction in (0, 1), default 0.2; ignored by
 * leave-last-out), {@code seed}
 * (default 42), {@code validation} (fraction in [0, 1), default 0: none).
 */
final class SplitSection {

    private static final double DEFAULT_TEST = 0.2;

    static final SpecKey<SplitSpec, SplitKind> KIND = new SpecKey<>("kind", SpecTypes.choice(SplitKind.class),
            SplitKind.RANDOM, SplitSpec::kind);
    static final SpecKey<SplitSpec, Double> TEST = new SpecKey<>("test", SpecTypes.number(), DEFAULT_TEST,
            SplitSpec::test);
    static final SpecKey<SplitSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), 42L,
            SplitSpec::seed);
    static final SpecKey<SplitSpec, Double> VALIDATION = new SpecKey<>("validation",
            SpecTypes.number(v -> v >= 0 && v < 1, "must be a fraction in [0, 1) (0: none)"), 0.0,
            SplitSpec::validation);

    static final Section<SplitSpec> SCHEMA = new Section<>("split", List.of(KIND, TEST, SEED, VALIDATION));

    private SplitSection() {
    }

    static SplitSpec bind(Section.Values<SplitSpec> values) {
        SplitKind kind = values.get(KIND);
        double test = values.get(TEST);
        if (kind.takesTestFraction() && !(test > 0 && test < 1)) {
            values.problem(TEST, "must be a fraction in (0, 1), e.g. 0.2; was " + test);
            test = DEFAULT_TEST;
        }
        return new SplitSpec(kind, test, values.get(SEED), values.get(VALIDATION));
    }
}
