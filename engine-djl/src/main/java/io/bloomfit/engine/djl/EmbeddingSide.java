package io.bloomfit.engine.djl;

/** Which side of a factorization model a table belongs to. */
public enum EmbeddingSide {
    USERS,
    ITEMS
}
