package io.bloomfit.engine.djl.network;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.FitLoop;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One fit of a Bloom network: the item layout's {@link BloomEncoding} for input and output, parameters from a
 * {@link NetworkInitializer}, {@code model.epochs} epochs of {@link TrainingExamples} in minibatches of
 * {@code model.batchSize} users, each step a forward pass of the {@link NetworkGraph}, backward through DJL's
 * gradient collector and DJL's stock dense Adam (learning rate {@code model.learningRate}, beta1 0.9, beta2 0.999,
 * eps 1e-8) on every tensor: a step costs the whole of the input and output layers, which is what a smaller m
 * saves (the paper's speed claim). Epochs, the listener, cancellation and divergence are the shared
 * {@link FitLoop}'s, as for the factorization models; a listener that wants them gets a copy of the network after
 * every epoch.
 *
 * <p>Callers hold the JVM-wide DJL training lock (the gradient collector is process-wide) and choose the device.
 */
public final class BloomNetworkFit {

    private static final String ENGINE = "PyTorch";

    private BloomNetworkFit() {
    }

    /**
     * Fits {@code request.model()} (kind {@code bloom-network}) on {@code request.train()} over the item layout.
     *
     * @throws IllegalArgumentException when the spec asks for something the network cannot do (another optimizer,
     *                                  a weighted layout)
     */
    public static BloomNetworkModel fit(FitRequest request, TrainingListener listener, NetworkInitializer initializer,
                                        Device device) {
        ModelSpec spec = request.model();
        Objects.requireNonNull(initializer, "initializer");
        ModelKind kind = spec.architecture().kind();
        if (kind != ModelKind.BLOOM_NETWORK) {
            throw new IllegalArgumentException("model.kind must be bloom-network here, was " + kind.specName());
        }
        Optimization optimization = spec.optimization();
        if (optimization.optimizer() != OptimizerKind.ADAM) {
            throw new IllegalArgumentException("model.optimizer: bloom-network trains with dense 'adam', was '"
                    + optimization.optimizer().specName() + "'");
        }
        NetworkSpec network = spec.architecture().network();
        int threads = spec.trainer().threads();
        BloomEncoding encoding = BloomEncoding.of(request.itemLayout());
        NetworkParameters start = initializer.initial(encoding.positions(), network, optimization.seed());
        Engine engine = Engine.getEngine(ENGINE);
        int previousThreads = JniUtils.getNumThreads();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        try (NDManager manager = engine.newBaseManager(device)) {
            NDArray[] parameters = upload(manager, start);
            start = null; // copied to the engine: let the starting arrays go
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) optimization.learningRate()))
                    .build();
            NetworkGraph graph = new NetworkGraph(network, parameters);
            TrainingExamples examples = new TrainingExamples(request.train().userItems(), optimization.batchSize(),
                    optimization.seed());
            // the network after an epoch: a copy of its parameters, scored as the final model is
            Supplier<TrainedModel> afterEpoch = () -> model(parameters, network, encoding, request,
                    FitLoop.Result.NONE, device);
            FitLoop.Result result = FitLoop.run(optimization.epochs(), examples.steps(), listener, afterEpoch,
                    epoch -> {
                        TrainingExamples.Epoch batches = examples.epoch(epoch);
                        return () -> {
                            TrainingExamples.Batch batch = batches.next();
                            return new FitLoop.StepResult(step(engine, manager, graph, parameters, adam, encoding,
                                    batch, batches), batch.inputs().length);
                        };
                    });
            return model(parameters, network, encoding, request, result, device);
        } finally {
            if (threads > 0) {
                JniUtils.setNumThreads(previousThreads);
            }
        }
    }

    /** A model of the parameters' current values (a copy: training may go on), reporting these epochs. */
    private static BloomNetworkModel model(NDArray[] parameters, NetworkSpec network, BloomEncoding encoding,
                                           FitRequest request, FitLoop.Result epochs, Device device) {
        NetworkParameters values = download(parameters, encoding.positions(), network);
        FitReport report = epochs.report(device.toString(), JniUtils.getNumThreads(), values.count());
        return new BloomNetworkModel(network, encoding, request.train().userItems(), values, report, device);
    }

    private static double step(Engine engine, NDManager manager, NetworkGraph graph, NDArray[] parameters,
                               Optimizer adam, BloomEncoding encoding, TrainingExamples.Batch batch,
                               TrainingExamples.Epoch epoch) {
        PositionSets input = encoding.encode(batch.inputs());
        PaddedPositions targets = encoding.encodeTargets(batch.targets());
        try (NDManager step = manager.newSubManager()) {
            float value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = graph.loss(input, targets, epoch.random(), step);
                value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    return value;
                }
                collector.backward(loss);
            }
            for (int t = 0; t < parameters.length; t++) {
                NDArray p = parameters[t];
                NDArray gradient = p.getGradient();
                gradient.attach(step);
                adam.update("network-" + t, p, gradient);
                JniUtils.zeroGrad((PtNDArray) p);
            }
            return value;
        }
    }

    /** The parameters as arrays of {@code manager} (that take part in autograd when {@code gradients}). */
    static NDArray[] upload(NDManager manager, NetworkParameters values) {
        long[][] shapes = NetworkParameters.shapes(values.positions(), values.network());
        NDArray[] arrays = new NDArray[shapes.length];
        for (int t = 0; t < shapes.length; t++) {
            arrays[t] = manager.create(values.values()[t], new Shape(shapes[t]));
            arrays[t].setRequiresGradient(true);
        }
        return arrays;
    }

    private static NetworkParameters download(NDArray[] arrays, int positions, NetworkSpec network) {
        float[][] values = new float[arrays.length][];
        for (int t = 0; t < arrays.length; t++) {
            values[t] = arrays[t].toFloatArray();
        }
        return new NetworkParameters(positions, network, values);
    }
}
