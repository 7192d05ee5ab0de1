package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.bloomfit.engine.factorization.model.TableId;

/**
 * Where the parameters live during a fit and how a step updates them. {@link DenseAdamTables} keeps them in
 * DJL arrays updated whole by DJL's Adam; {@link SparseRowTables} keeps them in Java arrays and updates only
 * the rows a step read. Both feed the same training graph, so the model computed is the same.
 */
interface ParameterTables extends AutoCloseable {

    /**
     * The rows {@code rows} of {@code table} for this step, as a {@code (rows.length, width)} array that takes
     * part in autograd. Call once per table and step.
     */
    NDArray gather(TableId table, int[] rows, NDManager step);

    /** Applies the gradients of the step's loss (after backward) and clears them. */
    void update(NDManager step);

    /** Rows of {@code table}. */
    int rows(TableId table);

    /** The current values of {@code table}, row-major. */
    float[] values(TableId table);

    @Override
    void close();
}
