package io.bloomfit.experiment.spec;

/**
 * The {@code evaluation} section (keys and defaults: {@code EvaluationSection}): which test users are scored.
 *
 * @param users how many test users a seeded random sample keeps, or {@code null} for all of them (the default)
 * @param seed  the sample's seed; the same sample is used for every grid point and repeat
 */
public record EvaluationSpec(Integer users, long seed) {

    /** Every test user (no {@code evaluation} section). */
    public static final EvaluationSpec ALL_USERS = new EvaluationSpec(null, EvaluationSection.DEFAULT_SEED);

    /** Whether a sample is drawn. */
    public boolean sampled() {
        return users != null;
    }
}
