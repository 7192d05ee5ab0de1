package io.bloomfit.api.embed;

/**
 * How the k rows an entity looks up become its embedding. Weights (hashing-trick signs) multiply each row
 * first.
 */
public enum Combiner {
    /** Element-wise mean of the k rows: Bloom embeddings' default, which keeps the scale independent of k. */
    MEAN,
    /** Element-wise sum of the k rows. */
    SUM,
    /** Element-wise product of the k rows (quotient-remainder's compositional embeddings). */
    PRODUCT
}
