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
    REGRESSION,
    /**
     * Spotlight's bounded BPR, {@code 1 - sigmoid(pos - neg)} per example (its {@code losses.py} {@code bpr_loss}):
     * what the seed project trains with, in place of the textbook {@code -log sigmoid(pos - neg)}.
     */
    BPR_BOUNDED,
    /**
     * Spotlight's bounded pointwise loss, {@code (1 - sigmoid(pos)) + sigmoid(neg)} per example (its {@code
     * losses.py} {@code pointwise_loss}), in place of the logistic {@code softplus(-pos) + softplus(neg)}.
     */
    POINTWISE_BOUNDED;

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
