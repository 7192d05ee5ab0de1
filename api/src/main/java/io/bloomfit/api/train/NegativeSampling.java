package io.bloomfit.api.train;

/**
 * How an implicit model's negatives are drawn ({@code trainer.negatives} in a spec).
 */
public enum NegativeSampling {
    /** Uniformly over all items (Spotlight's sampling; the default). */
    UNIFORM,
    /**
     * In proportion to each item's number of training interactions: the item of a uniformly drawn training
     * interaction (as {@code implicit}'s BPR samples its negatives).
     */
    POPULARITY;

    /** The name used in specs, e.g. {@code popularity}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static NegativeSampling fromSpec(String value) {
        return SpecName.parse(NegativeSampling.class, "trainer.negatives", value);
    }
}
