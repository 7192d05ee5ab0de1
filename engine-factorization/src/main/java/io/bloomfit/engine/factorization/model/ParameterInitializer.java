package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;

/**
 * Fills an embedding table before training. The default, {@link GaussianInitializer}, draws each row from
 * its own seeded stream so that a table's initial values depend only on the seed and the row, never on thread
 * counts; tests inject another initializer to start two layouts from the same vectors (e.g. permuted rows).
 * Biases always start at zero, as in Spotlight.
 */
@FunctionalInterface
public interface ParameterInitializer {

    /**
     * Writes the initial values of the table of {@code side}: {@code layout.totalRows()} rows of
     * {@code layout.rowWidth(dimension)} floats (the dimension, or a block of it for concatenated rows), row-major,
     * into {@code table} (which arrives zero-filled). Not called for encoder layouts, whose networks start from
     * {@link EncoderNetwork#initialize}.
     *
     * @param seed the fit's seed ({@code model.seed}); derive per-side streams from it
     */
    void initialize(EmbeddingSide side, EmbeddingLayout layout, int dimension, long seed, float[] table);
}
