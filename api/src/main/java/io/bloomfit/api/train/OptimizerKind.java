package io.bloomfit.api.train;

/** How parameters are updated. Dense optimizers touch every table row each step; sparse ones only the rows a minibatch reads, so their step cost does not grow with the table. */
public enum OptimizerKind {
    /** Dense Adam: every step updates the whole table (the stock DJL/PyTorch behaviour). */
    ADAM,
    /** Lazy Adam on the touched rows only. */
    SPARSE_ADAM,
    /** Adagrad on the touched rows only. */
    SPARSE_ADAGRAD,
    /** Plain SGD on the touched rows only. */
    SGD;

    /** The name used in specs, e.g. {@code sparse-adam}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static OptimizerKind fromSpec(String value) {
        return SpecName.parse(OptimizerKind.class, "model.optimizer", value);
    }
}
