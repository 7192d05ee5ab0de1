package io.bloomfit.api.train;

/** What a model predicts. */
public enum ModelKind {
    /** Ranks items from implicit feedback (Spotlight's {@code ImplicitFactorizationModel}). */
    IMPLICIT_FACTORIZATION,
    /** Regresses explicit ratings with squared loss. */
    EXPLICIT_FACTORIZATION,
    /**
     * The paper's own setting (Serr&agrave; &amp; Karatzoglou, RecSys 2017): a feed-forward network whose multi-hot
     * input over a user's items and whose softmax output over items are both Bloom-encoded to m positions; its
     * layers are {@link ModelArchitecture#network()}.
     */
    BLOOM_NETWORK;

    /** Whether this kind is a factorization model (user and item embeddings), not a network. */
    public boolean factorization() {
        return this != BLOOM_NETWORK;
    }

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
