package io.bloomfit.engine.factorization.step;

import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;

/**
 * The four tables of a fit in Java arrays, each held (with its optimizer state) by a {@link RowOptimizer} that
 * updates only the rows a step read, so a step's cost depends on the batch, not on the number of rows. The fused
 * step reads and updates them directly; an engine that computes gradients itself gathers each table's rows from
 * its optimizer and hands back the coalesced gradient.
 */
public final class RowTables {

    private final TableShapes shapes;
    private final RowOptimizer[] optimizers = new RowOptimizer[TableId.values().length];

    /**
     * Copies {@code initial}'s tables into optimizers of {@code kind}, each at its learning rate
     * ({@link ModelParameters.Plans#learningRate}: {@code learningRate}, scaled for trainable lookup weights).
     */
    public RowTables(ModelParameters initial, RowOptimizer.Kind kind, float learningRate) {
        this.shapes = initial.shapes();
        for (TableId t : TableId.values()) {
            optimizers[t.ordinal()] = RowOptimizer.create(kind, initial.table(t), shapes.rows(t), shapes.width(t),
                    initial.plans().learningRate(t, learningRate));
        }
    }

    /** Rows and width of each table. */
    public TableShapes shapes() {
        return shapes;
    }

    /** Limits the threads that copy and update rows; 0 keeps the default (every core). */
    public void rowThreads(int threads) {
        if (threads > 0) {
            for (RowOptimizer optimizer : optimizers) {
                optimizer.threads(threads);
            }
        }
    }

    /**
     * The most threads any row work of the fit ran on so far (at least 1): the limit of {@link #rowThreads} is only
     * reached by work large enough to split ({@link RowRanges}), e.g. a dense pass over a large table.
     */
    public int threadsUsed() {
        int used = 1;
        for (RowOptimizer optimizer : optimizers) {
            used = Math.max(used, optimizer.threadsUsed());
        }
        return used;
    }

    /** The optimizer that holds {@code table}'s rows. */
    public RowOptimizer optimizer(TableId table) {
        return optimizers[table.ordinal()];
    }

    /** The current values of {@code table}, row-major (a copy). */
    public float[] values(TableId table) {
        return optimizers[table.ordinal()].parameters();
    }
}
