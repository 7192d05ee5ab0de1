package io.bloomfit.api.train;

/** What a model predicts. */
public enum ModelKind {
    /** Ranks items from implicit feedback (Spotlight's {@code ImplicitFactorizationModel}). */
    IMPLICIT_FACTORIZATION,
    /** Regresses explicit ratings with squared loss. */
    EXPLICIT_FACTORIZATION;

    /** The name used in specs, e.g. {@code implicit-factorization}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static ModelKind fromSpec(String value) {
        return SpecName.parse(ModelKind.class, "model.kind", value);
    }
}
