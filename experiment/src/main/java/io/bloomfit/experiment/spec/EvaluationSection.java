package io.bloomfit.experiment.spec;

import java.util.List;

/**
 * The {@code evaluation} section's schema: {@code users} (a seeded random sample of that many test users is scored;
 * absent: all of them) and {@code seed} (default 42). The section is written to the canonical form only when it
 * samples, so specs without it read exactly as before.
 */
final class EvaluationSection {

    static final long DEFAULT_SEED = 42;

    static final SpecKey<EvaluationSpec, Integer> USERS = new SpecKey<>("users",
            SpecTypes.intNumber(1, Integer.MAX_VALUE, "must be a number of users >= 1 (leave it out to score all)"),
            null, EvaluationSpec::users);
    static final SpecKey<EvaluationSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), DEFAULT_SEED,
            EvaluationSpec::seed);

    static final Section<EvaluationSpec> SCHEMA = new Section<>("evaluation", List.of(USERS, SEED));

    private EvaluationSection() {
    }

    static EvaluationSpec bind(Section.Values<EvaluationSpec> values) {
        if (values.isSet(SEED) && !values.isSet(USERS)) {
            values.problem(SEED, "a seed draws a sample of users: add evaluation.users, or remove the seed");
        }
        return new EvaluationSpec(values.get(USERS), values.get(SEED));
    }
}
