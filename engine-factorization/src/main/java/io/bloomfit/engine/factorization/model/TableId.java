package io.bloomfit.engine.factorization.model;

/** The four parameter tables of a factorization model. */
public enum TableId {
    USER_VECTORS,
    ITEM_VECTORS,
    USER_BIASES,
    ITEM_BIASES;

    public boolean isBias() {
        return this == USER_BIASES || this == ITEM_BIASES;
    }
}
