package io.bloomfit.api.embed;

/**
 * How the k rows an entity looks up become its embedding. Weights (hashing-trick signs) multiply each row
 * first. {@code MEAN}, {@code SUM} and {@code PRODUCT} combine the rows of plain, weighted and trainable-weight
 * layouts; {@code CONCAT} is the combiner of a {@link BlocksLayout} and of no other kind.
 */
public enum Combiner {
    /** Element-wise mean of the k rows: Bloom embeddings' default, which keeps the scale independent of k. */
    MEAN,
    /** Element-wise sum of the k rows. */
    SUM,
    /** Element-wise product of the k rows (quotient-remainder's compositional embeddings). */
    PRODUCT,
    /**
     * The combiner of a blocks layout ({@link BlocksLayout}, {@link LookupKind#BLOCKS}): the k rows, each of
     * {@code dimension / k} floats, laid end to end: lookup j fills elements
     * {@code [j * dimension / k, (j + 1) * dimension / k)} (ROBE-Z's blocks). Tables of such a layout have rows of
     * {@code dimension / k} floats. {@link EmbeddingLayout#of} with this combiner builds a blocks layout.
     */
    CONCAT;

    /** Floats per table row for embeddings of {@code dimension} read through {@code lookups} lookups. */
    public int rowWidth(int dimension, int lookups) {
        return this == CONCAT ? dimension / lookups : dimension;
    }
}
