package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;

import java.util.SplittableRandom;

/**
 * One fit: epochs of shuffled minibatches, uniform negative sampling, forward and backward through DJL's
 * PyTorch engine, and the chosen update. Every random choice derives from {@code model.seed}; with a fixed
 * thread count, results on the CPU are the same from run to run. Callers must hold {@link DjlTrainingLock}.
 */
final class FitLoop {

    static final String ENGINE = "PyTorch";
    /** System property choosing how sparse-optimizer steps compute gradients on the CPU: fused or autograd. */
    static final String SPARSE_GRADIENTS_PROPERTY = "bloomfit.djl.sparseGradients";

    private final FitRequest request;
    private final ModelSpec spec;
    private final TrainingListener listener;
    private final ParameterInitializer initializer;

    FitLoop(FitRequest request, TrainingListener listener, ParameterInitializer initializer) {
        this.request = request;
        this.spec = request.model();
        this.listener = listener;
        this.initializer = initializer;
    }

    FactorizationModel run() {
        Engine engine = Engine.getEngine(ENGINE);
        Device device = DeviceSelection.choose(spec.device(), engine);
        int previousThreads = JniUtils.getNumThreads();
        if (spec.threads() > 0) {
            JniUtils.setNumThreads(spec.threads());
        }
        try (NDManager manager = engine.newBaseManager(device)) {
            return train(manager, device);
        } finally {
            if (spec.threads() > 0) {
                JniUtils.setNumThreads(previousThreads);
            }
        }
    }

    private FactorizationModel train(NDManager manager, Device device) {
        EmbeddingLayout users = request.userLayout();
        EmbeddingLayout items = request.itemLayout();
        ModelParameters.Plans plans = ModelParameters.plans(users, items, spec.compressBiases());
        TableShapes shapes = ModelParameters.shapes(plans, spec.dimension());
        float[][] initial = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            initial[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
        }
        initializer.initialize(EmbeddingSide.USERS, users, spec.dimension(), spec.seed(),
                initial[TableId.USER_VECTORS.ordinal()]);
        initializer.initialize(EmbeddingSide.ITEMS, items, spec.dimension(), spec.seed(),
                initial[TableId.ITEM_VECTORS.ordinal()]);

        float learningRate = (float) spec.learningRate();
        ParameterTables tables;
        if (spec.optimizer() == OptimizerKind.ADAM) {
            tables = new DenseAdamTables(manager, initial, shapes, learningRate);
        } else {
            tables = new SparseRowTables(initial, shapes, RowOptimizer.Kind.of(spec.optimizer()), learningRate);
        }
        java.util.Arrays.fill(initial, null); // copied into the tables: let these heap copies go
        try (tables) {
            FactorizationGraph graph = new FactorizationGraph(tables, plans.userVectors(), plans.itemVectors(),
                    plans.userBiases(), plans.itemBiases());
            FusedSparseStep fused = tables instanceof SparseRowTables sparse && fusedSparseSteps(device)
                    ? new FusedSparseStep(sparse, plans, spec.dimension()) : null;
            int threads = JniUtils.getNumThreads();
            if (fused != null) {
                // no engine work in a fused step: the threads reported are those that copy rows
                threads = spec.threads() > 0 ? spec.threads() : RowRanges.threads();
                ((SparseRowTables) tables).rowThreads(threads);
            }
            double[] seconds = new double[spec.epochs()];
            double[] losses = new double[spec.epochs()];
            long globalStep = 0;
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                globalStep = epoch(graph, fused, tables, manager, epoch, globalStep, seconds, losses);
            }
            float[][] trained = new float[TableId.values().length][];
            for (TableId t : TableId.values()) {
                trained[t.ordinal()] = tables.values(t);
            }
            FitReport report = new FitReport(seconds, losses, device.toString(), threads, shapes.totalFloats());
            return new FactorizationModel(spec, users, items, new ModelParameters(plans, shapes, trained), report);
        }
    }

    /**
     * Whether sparse-optimizer steps use {@link FusedSparseStep} rather than the engine's autograd: on the CPU,
     * unless the system property {@value #SPARSE_GRADIENTS_PROPERTY} is {@code autograd} (to compare the two).
     */
    static boolean fusedSparseSteps(Device device) {
        String choice = System.getProperty(SPARSE_GRADIENTS_PROPERTY, "fused");
        if (!choice.equals("fused") && !choice.equals("autograd")) {
            throw new IllegalArgumentException("system property " + SPARSE_GRADIENTS_PROPERTY + " must be 'fused' "
                    + "or 'autograd', was '" + choice + "'");
        }
        return choice.equals("fused") && Device.Type.CPU.equals(device.getDeviceType());
    }

    private long epoch(FactorizationGraph graph, FusedSparseStep fused, ParameterTables tables, NDManager manager,
                       int epoch, long globalStep, double[] seconds, double[] losses) {
        Interactions train = request.train();
        int n = train.size();
        int batch = spec.batchSize();
        long steps = (n + (long) batch - 1) / batch;
        SplittableRandom random = new SplittableRandom(Seeds.mix(spec.seed(), epoch));
        int[] order = shuffled(n, random);
        listener.epochStarted(epoch, spec.epochs(), steps);

        Engine engine = Engine.getEngine(ENGINE);
        boolean implicit = spec.kind() == ModelKind.IMPLICIT_FACTORIZATION;
        int negatives = spec.loss() == Loss.ADAPTIVE_HINGE ? spec.negatives() : 1;
        int numItems = train.numItems();
        float l2 = (float) spec.l2();
        double lossSum = 0;
        long start = System.nanoTime();
        for (long s = 0; s < steps; s++) {
            int from = (int) (s * batch);
            int size = Math.min(batch, n - from);
            int[] users = new int[size];
            int[] items = new int[size];
            for (int i = 0; i < size; i++) {
                int row = order[from + i];
                users[i] = train.user(row);
                items[i] = train.item(row);
            }
            int[] sampled = null;
            float[] ratings = null;
            if (implicit) {
                sampled = new int[size * negatives];
                for (int i = 0; i < sampled.length; i++) {
                    sampled[i] = random.nextInt(numItems);
                }
            } else {
                ratings = new float[size];
                for (int i = 0; i < size; i++) {
                    ratings[i] = train.rating(order[from + i]);
                }
            }
            double value;
            if (fused != null) {
                value = implicit ? fused.implicit(spec.loss(), users, items, sampled, negatives, l2)
                        : fused.explicit(users, items, ratings, l2);
            } else {
                value = autogradStep(graph, tables, manager, engine, users, items, sampled, negatives, ratings, l2);
            }
            if (!Double.isFinite(value)) {
                throw new TrainingDivergedException(epoch, globalStep + s + 1, value);
            }
            lossSum += value;
            double elapsed = (System.nanoTime() - start) / 1e9;
            listener.stepFinished(epoch, s + 1, steps, lossSum / (s + 1),
                    elapsed > 0 ? (from + size) / elapsed : 0);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        seconds[epoch - 1] = elapsed;
        losses[epoch - 1] = lossSum / steps;
        listener.epochFinished(epoch, spec.epochs(), losses[epoch - 1], elapsed);
        return globalStep + steps;
    }

    /**
     * One step through the engine: forward, backward, then the tables' update ({@code sampled} for implicit
     * models, {@code ratings} for explicit ones). Returns the batch's loss; a non-finite loss updates nothing.
     */
    private double autogradStep(FactorizationGraph graph, ParameterTables tables, NDManager manager, Engine engine,
                                int[] users, int[] items, int[] sampled, int negatives, float[] ratings, float l2) {
        try (NDManager step = manager.newSubManager()) {
            float value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = sampled != null
                        ? graph.implicitLoss(spec.loss(), users, items, sampled, negatives, l2, step)
                        : graph.explicitLoss(users, items, ratings, l2, step);
                value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    return value;
                }
                collector.backward(loss);
            }
            tables.update(step);
            return value;
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
