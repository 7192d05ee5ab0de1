package io.bloomfit.api.train;

/** The training loss. Implicit models rank a positive item above sampled negatives. */
public enum Loss {
    /** Logistic loss on positives and one sampled negative each (Spotlight's default). */
    POINTWISE,
    /** Bayesian personalised ranking: log-sigmoid of the positive-negative score difference. */
    BPR,
    /** Hinge on the positive-negative difference with margin 1. */
    HINGE,
    /** Hinge against the highest-scoring of {@code negatives} sampled negatives. */
    ADAPTIVE_HINGE,
    /** Squared error on ratings (explicit models). */
    REGRESSION;

    /** The name used in specs, e.g. {@code adaptive-hinge}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static Loss fromSpec(String value) {
        return SpecName.parse(Loss.class, "model.loss", value);
    }
}
