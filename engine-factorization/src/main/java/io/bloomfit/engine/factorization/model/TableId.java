package io.bloomfit.engine.factorization.model;

/**
 * The parameter tables of a factorization model. The weight tables hold the lookup weights of layouts whose weights
 * are trained ({@link io.bloomfit.api.embed.TrainableWeightsLayout}: rows of k weights); they have no
 * rows for every other layout, so models of fixed-weight layouts keep exactly the four tables they always had.
 */
public enum TableId {
    USER_VECTORS,
    ITEM_VECTORS,
    USER_BIASES,
    ITEM_BIASES,
    USER_WEIGHTS,
    ITEM_WEIGHTS;

    public boolean isBias() {
        return this == USER_BIASES || this == ITEM_BIASES;
    }

    /** Whether this table holds trained lookup weights. */
    public boolean isWeights() {
        return this == USER_WEIGHTS || this == ITEM_WEIGHTS;
    }

    /** The table of trained lookup weights of this vector table's layout. */
    public TableId weights() {
        return switch (this) {
            case USER_VECTORS -> USER_WEIGHTS;
            case ITEM_VECTORS -> ITEM_WEIGHTS;
            default -> throw new IllegalArgumentException(this + " has no lookup weights");
        };
    }
}
