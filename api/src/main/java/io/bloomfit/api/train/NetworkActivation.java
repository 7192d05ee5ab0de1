package io.bloomfit.api.train;

/** The nonlinearity after each hidden layer of a {@link ModelKind#BLOOM_NETWORK}: {@code model.network.activation}. */
public enum NetworkActivation {
    /** {@code max(0, x)}. */
    RELU,
    /** {@code tanh(x)}. */
    TANH,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID;

    /** The name used in specs, e.g. {@code relu}. */
    public String specName() {
        return SpecName.of(this);
    }
}
