package io.bloomfit.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.BatchStep;

/**
 * A step through DJL's engine: forward on the {@link FactorizationGraph}, backward with the engine's gradient
 * collector, then the tables' update (DJL's dense Adam, or the row optimizers on the rows read). A non-finite
 * loss updates nothing. Callers must hold {@link DjlTrainingLock}: the gradient collector is process-wide.
 */
final class AutogradStep implements BatchStep {

    private final FactorizationGraph graph;
    private final ParameterTables tables;
    private final NDManager manager;
    private final Engine engine;
    private final Loss loss;
    private final float l2;

    AutogradStep(FactorizationGraph graph, ParameterTables tables, NDManager manager, Engine engine, Loss loss,
                 float l2) {
        this.graph = graph;
        this.tables = tables;
        this.manager = manager;
        this.engine = engine;
        this.loss = loss;
        this.l2 = l2;
    }

    @Override
    public double apply(Batch batch) {
        try (NDManager step = manager.newSubManager()) {
            float value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray total = batch.implicit()
                        ? graph.implicitLoss(loss, batch.users(), batch.items(), batch.negatives(),
                                batch.negativesPerPositive(), l2, step)
                        : graph.explicitLoss(batch.users(), batch.items(), batch.ratings(), l2, step);
                value = total.getFloat();
                if (!Float.isFinite(value)) {
                    return value;
                }
                collector.backward(total);
            }
            tables.update(step);
            return value;
        }
    }
}
