package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;

/**
 * Parameters as DJL arrays, updated by DJL's stock {@code Adam} (beta1 0.9, beta2 0.999, eps 1e-8): every
 * step rewrites the whole of every table, as PyTorch's dense Adam does. This is the behaviour under which a
 * smaller (Bloom-compressed) table trains faster; step time grows with the number of rows. Each table has its own
 * learning rate (trainable lookup weights may learn at a scaled rate), so each has its own Adam.
 */
final class DenseAdamTables implements ParameterTables {

    private final NDArray[] parameters = new NDArray[TableId.values().length];
    private final Optimizer[] adams = new Optimizer[TableId.values().length];

    /** As {@link #DenseAdamTables(NDManager, float[][], TableShapes, float[])}, every table at {@code learningRate}. */
    DenseAdamTables(NDManager manager, float[][] initial, TableShapes shapes, float learningRate) {
        this(manager, initial, shapes, same(learningRate));
    }

    private static float[] same(float learningRate) {
        float[] rates = new float[TableId.values().length];
        java.util.Arrays.fill(rates, learningRate);
        return rates;
    }

    /**
     * Copies {@code initial} (row-major, one array per table) into arrays of {@code manager}, table t updated at
     * {@code learningRates[t.ordinal()]}.
     */
    DenseAdamTables(NDManager manager, float[][] initial, TableShapes shapes, float[] learningRates) {
        for (TableId t : TableId.values()) {
            if (shapes.rows(t) == 0) {
                continue; // a weight table of a layout whose weights are fixed
            }
            NDArray p = manager.create(initial[t.ordinal()], new Shape(shapes.rows(t), shapes.width(t)));
            p.setRequiresGradient(true);
            parameters[t.ordinal()] = p;
            adams[t.ordinal()] = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRates[t.ordinal()]))
                    .build();
        }
    }

    @Override
    public NDArray gather(TableId table, int[] rows, NDManager step) {
        NDArray ids = step.create(rows);
        return Embedding.embedding(ids, parameters[table.ordinal()], SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public void update(NDManager step) {
        for (TableId t : TableId.values()) {
            NDArray p = parameters[t.ordinal()];
            if (p == null) {
                continue;
            }
            NDArray gradient = p.getGradient();
            gradient.attach(step);
            adams[t.ordinal()].update(t.name(), p, gradient);
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }

    @Override
    public int rows(TableId table) {
        NDArray p = parameters[table.ordinal()];
        return p == null ? 0 : (int) p.getShape().get(0);
    }

    @Override
    public float[] values(TableId table) {
        NDArray p = parameters[table.ordinal()];
        return p == null ? new float[0] : p.toFloatArray();
    }

    @Override
    public void close() {
        for (NDArray p : parameters) {
            if (p != null) {
                p.close();
            }
        }
    }
}
