package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

import java.nio.FloatBuffer;

/**
 * Parameters in Java arrays, updated row by row. A step reads the parameters of each distinct row it needs once
 * into a small leaf array that takes part in autograd, and the graph looks entries up in that leaf; after
 * backward the leaf's gradient holds, per distinct row, the sum of its lookups' gradients: the coalesced COO
 * gradient PyTorch would give the whole table. A {@link RowOptimizer} applies it to those rows only, so the cost of
 * a step depends on the batch, not on the number of rows.
 */
final class SparseRowTables implements ParameterTables {

    private final TableShapes shapes;
    private final RowOptimizer[] optimizers;
    private final NDArray[] leaves = new NDArray[TableId.values().length];

    /** Copies {@code initial} (one row-major array per table) into the optimizers' row records. */
    SparseRowTables(float[][] initial, TableShapes shapes, RowOptimizer.Kind kind, float learningRate) {
        this.shapes = shapes;
        this.optimizers = new RowOptimizer[TableId.values().length];
        for (TableId t : TableId.values()) {
            optimizers[t.ordinal()] = RowOptimizer.create(kind, initial[t.ordinal()], shapes.rows(t),
                    shapes.width(t), learningRate);
        }
    }

    @Override
    public NDArray gather(TableId table, int[] rows, NDManager step) {
        if (leaves[table.ordinal()] != null) {
            throw new IllegalStateException(table + " was already read in this step");
        }
        int width = shapes.width(table);
        RowOptimizer optimizer = optimizers[table.ordinal()];
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
            optimizers[t.ordinal()].apply(gradient.toFloatArray());
        }
    }

    /** Limits the threads that copy and update rows; 0 keeps the default (every core). */
    void rowThreads(int threads) {
        if (threads > 0) {
            for (RowOptimizer optimizer : optimizers) {
                optimizer.threads(threads);
            }
        }
    }

    /** The optimizer that holds {@code table}'s rows, for steps computed outside the engine. */
    RowOptimizer optimizer(TableId table) {
        return optimizers[table.ordinal()];
    }

    @Override
    public float[] values(TableId table) {
        return optimizers[table.ordinal()].parameters();
    }

    @Override
    public void close() {
        java.util.Arrays.fill(leaves, null);
    }
}
