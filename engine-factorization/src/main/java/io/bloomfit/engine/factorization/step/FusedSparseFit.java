package io.bloomfit.engine.factorization.step;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.FitLoop;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.ParameterInitializer;
import io.bloomfit.engine.factorization.model.TableId;

/**
 * A fit entirely in Java: {@link RowTables} updated by the {@link FusedSparseStep} inside the one
 * {@link FitLoop}. The {@code cpu} trainer is this; the {@code djl} trainer runs this too for a sparse optimizer on
 * the CPU, so the two give the same model for the same spec, bit for bit. With {@code adam} the tables are dense
 * Adam ({@link RowOptimizer.Kind#DENSE_ADAM}): the gradient is still computed for the rows read, but every row of
 * every table is updated every step, as PyTorch's Adam does. Encoder layouts ({@code dhe}) are refused
 * ({@link FusedSparseStep}): their gradients need an autograd engine. A listener that
 * {@link TrainingListener#wantsEpochModels() wants epoch models} gets a copy of the model after every epoch.
 */
public final class FusedSparseFit {

    private FusedSparseFit() {
    }

    /**
     * Fits {@code request} (already validated; a sparse optimizer, or {@code adam} for the fused dense Adam of
     * {@link RowOptimizer.Kind#DENSE_ADAM}) and returns the model.
     * Row work uses up to {@code model.threads} threads, or every core when 0, where it is large enough to split
     * ({@link RowRanges}); the report gives the threads it ran on and names {@code device}.
     */
    public static FactorizationModel fit(FitRequest request, TrainingListener listener,
                                         ParameterInitializer initializer, String device, ModelOrigin origin) {
        ModelSpec spec = request.model();
        ModelParameters start = ModelParameters.initial(request, initializer);
        Optimization optimization = spec.optimization();
        RowTables tables = new RowTables(start, RowOptimizer.Kind.of(optimization.optimizer()),
                (float) optimization.learningRate());
        ModelParameters.Plans plans = start.plans();
        start = null; // copied into the tables: let the starting arrays go
        int threads = spec.trainer().threads() > 0 ? spec.trainer().threads() : RowRanges.threads();
        tables.rowThreads(threads);
        FusedSparseStep step = new FusedSparseStep(tables, plans, spec.architecture().dimension());
        FitLoop.Result result = FitLoop.run(spec, request.train(), listener, step.forLoss(spec.architecture().loss(),
                (float) optimization.l2()), () -> model(request, tables, plans, new FitReport(new double[0],
                new double[0], device, tables.threadsUsed(), tables.shapes().totalFloats()), origin));
        // the threads the row work ran on, not the limit: a small batch's sparse step stays on one (RowRanges)
        return model(request, tables, plans, result.report(device, tables.threadsUsed(),
                tables.shapes().totalFloats()), origin);
    }

    /** A model of the tables' current values (a copy: training may go on). */
    private static FactorizationModel model(FitRequest request, RowTables tables, ModelParameters.Plans plans,
                                            FitReport report, ModelOrigin origin) {
        float[][] trained = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            trained[t.ordinal()] = tables.values(t);
        }
        return new FactorizationModel(request.model(), request.userLayout(), request.itemLayout(),
                new ModelParameters(plans, tables.shapes(), trained), report, origin);
    }
}
