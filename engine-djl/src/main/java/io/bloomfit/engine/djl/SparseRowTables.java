package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import io.bloomfit.engine.factorization.step.RowTables;

import java.nio.FloatBuffer;

/**
 * Parameters in Java arrays ({@link RowTables}), updated row by row, for steps through the engine's autograd (a
 * GPU fit, or {@code trainer.options: {sparseGradients: autograd}}). A step reads the parameters of each distinct row
 * it needs once into a small leaf array that takes part in autograd, and the graph looks entries up in that leaf;
 * after backward the leaf's gradient holds, per distinct row, the sum of its lookups' gradients: the coalesced COO
 * gradient PyTorch would give the whole table. A {@link RowOptimizer} applies it to those rows only, so the cost of
 * a step depends on the batch, not on the number of rows.
 */
final class SparseRowTables implements ParameterTables {

    private final RowTables tables;
    private final NDArray[] leaves = new NDArray[TableId.values().length];

    SparseRowTables(RowTables tables) {
        this.tables = tables;
    }

    @Override
    public NDArray gather(TableId table, int[] rows, NDManager step) {
        if (leaves[table.ordinal()] != null) {
            throw new IllegalStateException(table + " was already read in this step");
        }
        int width = tables.shapes().width(table);
        RowOptimizer optimizer = tables.optimizer(table);
        int[] slots = new int[rows.length];
        int distinct = optimizer.gather(rows, slots);
        NDArray leaf = step.create(FloatBuffer.wrap(optimizer.gathered(), 0, distinct * width),
                new Shape(distinct, width));
        leaf.setRequiresGradient(true);
        leaves[table.ordinal()] = leaf;
        return Embedding.embedding(step.create(slots), leaf, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public void update(NDManager step) {
        for (TableId t : TableId.values()) {
            NDArray leaf = leaves[t.ordinal()];
            if (leaf == null) {
                continue;
            }
            leaves[t.ordinal()] = null;
            NDArray gradient = leaf.getGradient();
            gradient.attach(step);
            tables.optimizer(t).apply(gradient.toFloatArray());
        }
    }

    @Override
    public int rows(TableId table) {
        return tables.shapes().rows(table);
    }

    @Override
    public float[] values(TableId table) {
        return tables.values(table);
    }

    @Override
    public void close() {
        java.util.Arrays.fill(leaves, null);
    }
}
