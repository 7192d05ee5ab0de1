package io.bloomfit.engine.djl;

/** The four parameter tables of a factorization model. */
enum TableId {
    USER_VECTORS,
    ITEM_VECTORS,
    USER_BIASES,
    ITEM_BIASES;

    boolean isBias() {
        return this == USER_BIASES || this == ITEM_BIASES;
    }
}
