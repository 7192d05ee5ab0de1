package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.FitLoop;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.ParameterInitializer;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.model.TableShapes;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.step.FusedSparseFit;
import io.bloomfit.engine.factorization.step.FusedSparseStep;
import io.bloomfit.engine.factorization.step.RowOptimizer;
import io.bloomfit.engine.factorization.step.RowTables;

/**
 * One fit of the {@code djl} trainer: picks the device and the engine's threads, then either hands a sparse
 * optimizer on the CPU to the shared {@link FusedSparseFit} (no engine work at all), or runs the shared
 * {@link FitLoop} with an {@link AutogradStep} over DJL arrays (dense Adam) or Java row tables (sparse optimizers
 * on a GPU, with {@code trainer.options: {sparseGradients: autograd}} ({@link SparseGradients}), or whenever a side
 * is an encoder network, which the fused step cannot train). Every random choice derives from
 * {@code model.seed}; with a fixed thread count, results on the CPU are the same from run to run. A listener that
 * {@link TrainingListener#wantsEpochModels() wants epoch models} gets a copy of the model after every epoch on
 * every path, scored as the final model is; others cost nothing. The request's trainer options must be resolved
 * ({@link DjlTrainer#fit}). Callers must hold {@link DjlTrainingLock}.
 */
final class DjlFit {

    static final String ENGINE = "PyTorch";

    private final FitRequest request;
    private final ModelSpec spec;
    private final TrainingListener listener;
    private final ParameterInitializer initializer;
    private final ModelOrigin origin;

    DjlFit(FitRequest request, TrainingListener listener, ParameterInitializer initializer, ModelOrigin origin) {
        this.request = request;
        this.spec = request.model();
        this.listener = listener;
        this.initializer = initializer;
        this.origin = origin;
    }

    FactorizationModel run() {
        Engine engine = Engine.getEngine(ENGINE);
        Device device = DeviceSelection.choose(spec.trainer().device(), engine);
        if (spec.optimization().optimizer() != OptimizerKind.ADAM
                && SparseGradients.fused(spec.trainer().options(), device) && fusedStepTrains()) {
            // no engine work in a fused step: the threads reported are those that copy rows
            return FusedSparseFit.fit(request, listener, initializer, device.toString(), origin);
        }
        int threads = spec.trainer().threads();
        int previousThreads = JniUtils.getNumThreads();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        try (NDManager manager = engine.newBaseManager(device)) {
            return train(manager, engine, device);
        } finally {
            if (threads > 0) {
                JniUtils.setNumThreads(previousThreads);
            }
        }
    }

    private FactorizationModel train(NDManager manager, Engine engine, Device device) {
        Optimization optimization = spec.optimization();
        ModelParameters start = ModelParameters.initial(request, initializer);
        ModelParameters.Plans plans = start.plans();
        float learningRate = (float) optimization.learningRate();
        float[] learningRates = new float[TableId.values().length];
        for (TableId t : TableId.values()) {
            learningRates[t.ordinal()] = plans.learningRate(t, learningRate);
        }
        ParameterTables tables = optimization.optimizer() == OptimizerKind.ADAM
                ? new DenseAdamTables(manager, start.tables(), start.shapes(), learningRates)
                : new SparseRowTables(new RowTables(start, RowOptimizer.Kind.of(optimization.optimizer()),
                        learningRate));
        TableShapes shapes = start.shapes();
        start = null; // copied into the tables: let the starting arrays go
        try (tables) {
            FactorizationGraph graph = new FactorizationGraph(tables, plans.userVectors(), plans.itemVectors(),
                    plans.userBiases(), plans.itemBiases());
            AutogradStep step = new AutogradStep(graph, tables, manager, engine, spec.architecture().loss(),
                    (float) optimization.l2());
            // the model after an epoch: a copy of the tables, scored with libtorch as the final model is
            FitLoop.Result result = FitLoop.run(spec, request.train(), listener, step,
                    () -> new DjlFactorizationModel(model(tables, plans, shapes, FitLoop.Result.NONE.report(
                            device.toString(), JniUtils.getNumThreads(), shapes.totalFloats()))));
            return model(tables, plans, shapes, result.report(device.toString(), JniUtils.getNumThreads(),
                    shapes.totalFloats()));
        }
    }

    /** A model of the tables' current values (a copy: training may go on). */
    private FactorizationModel model(ParameterTables tables, ModelParameters.Plans plans, TableShapes shapes,
                                     FitReport report) {
        float[][] trained = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            trained[t.ordinal()] = tables.values(t);
        }
        return new FactorizationModel(spec, request.userLayout(), request.itemLayout(),
                new ModelParameters(plans, shapes, trained), report, origin);
    }

    /** Whether the fused step trains both sides' layouts (not an encoder network, which only autograd trains). */
    private boolean fusedStepTrains() {
        return FusedSparseStep.trains(LookupPlan.of(request.userLayout()))
                && FusedSparseStep.trains(LookupPlan.of(request.itemLayout()));
    }
}
