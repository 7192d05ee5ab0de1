package io.bloomfit.engine.factorization.model;

/** Which side of a factorization model a table belongs to. */
public enum EmbeddingSide {
    USERS,
    ITEMS
}
