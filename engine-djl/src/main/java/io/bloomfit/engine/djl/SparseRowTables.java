package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters in Java arrays, updated row by row. A step copies the rows it reads into leaf arrays that take
 * part in autograd; after backward their gradients are exactly the values of the COO gradient PyTorch would
 * give the table (one entry per lookup), which a {@link RowOptimizer} sums per row and applies to the touched
 * rows only. Step cost therefore depends on the batch, not on the number of rows.
 */
final class SparseRowTables implements ParameterTables {

    private final TableShapes shapes;
    private final RowOptimizer[] optimizers;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(TableId table, int[] rows, NDArray leaf) {
    }

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
        int width = shapes.width(table);
        RowOptimizer source = optimizers[table.ordinal()];
        float[] copy = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            source.readRow(rows[i], copy, i * width);
        }
        NDArray leaf = step.create(copy, new Shape(rows.length, width));
        leaf.setRequiresGradient(true);
        pending.add(new Pending(table, rows, leaf));
        return leaf;
    }

    @Override
    public void update(NDManager step) {
        for (TableId t : TableId.values()) {
            int count = 0;
            for (Pending p : pending) {
                if (p.table() == t) {
                    count += p.rows().length;
                }
            }
            if (count == 0) {
                continue;
            }
            int width = shapes.width(t);
            int[] rows = new int[count];
            float[] gradients = new float[count * width];
            int at = 0;
            for (Pending p : pending) {
                if (p.table() == t) {
                    NDArray g = p.leaf().getGradient();
                    g.attach(step);
                    float[] values1 = g.toFloatArray();
                    System.arraycopy(p.rows(), 0, rows, at, p.rows().length);
                    System.arraycopy(values1, 0, gradients, at * width, values1.length);
                    at += p.rows().length;
                }
            }
            optimizers[t.ordinal()].step(rows, gradients);
        }
        pending.clear();
    }

    @Override
    public float[] values(TableId table) {
        return optimizers[table.ordinal()].parameters();
    }

    @Override
    public void close() {
        pending.clear();
    }
}
