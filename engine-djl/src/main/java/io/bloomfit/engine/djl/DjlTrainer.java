package io.bloomfit.engine.djl;

import ai.djl.engine.Engine;
import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.LayoutFeature;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.djl.network.BloomNetworkFit;
import io.bloomfit.engine.djl.network.BloomNetworkModel;
import io.bloomfit.engine.djl.network.NetworkInitializer;
import io.bloomfit.engine.factorization.FitLoop;
import io.bloomfit.engine.factorization.model.GaussianInitializer;
import io.bloomfit.engine.factorization.model.ModelFiles;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ParameterInitializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The {@code djl} trainer: implicit and explicit factorization models (score = &lt;U(u), V(i)&gt; + b_u + b_i)
 * on any {@link io.bloomfit.api.embed.EmbeddingLayout}, trained with DJL's PyTorch engine.
 *
 * <p>Defaults are those of {@link io.bloomfit.api.train.ModelSpec#defaults()} (Spotlight's
 * {@code ImplicitFactorizationModel}: pointwise loss, dimension 32, 10 epochs, batch 256, Adam lr 1e-2, l2 0,
 * 5 negatives for adaptive-hinge, embeddings N(0, std 1/dimension), biases zero and full-size).
 * {@code adam} is dense (DJL's stock optimizer rewrites whole tables every step); {@code sparse-adam},
 * {@code sparse-adagrad} and {@code sgd} update only the rows a step read. Batches and negatives come from the
 * shared {@link io.bloomfit.engine.factorization.Minibatches}; pointwise, bpr and hinge use one negative per
 * positive, adaptive-hinge {@code model.negatives}.
 *
 * <p><b>A sparse optimizer on the CPU skips the engine:</b> such a fit is the shared
 * {@link io.bloomfit.engine.factorization.step.FusedSparseFit}, the very fit of the {@code cpu} trainer, which
 * computes the same model's gradients in closed form, because dispatching a step's many small tensor operations
 * cost more than the arithmetic ({@code trainer.options: {sparseGradients: autograd}} restores the engine path,
 * see {@link SparseGradients}). So a {@code djl} fit and a {@code cpu} fit of the same sparse spec give the same
 * parameters, and no spec got slower when the engine-neutral code moved out of this module. Dense {@code adam}, a
 * GPU, and the autograd path go through DJL; the trained model scores with libtorch ({@link DjlFactorizationModel}).
 * Every factorization path hands a listener that wants them a model after every epoch (tuning's early stopping).
 *
 * <p><b>The Bloom network.</b> {@code model.kind: bloom-network} fits the paper's input/output network over the
 * item layout instead ({@link BloomNetworkFit}, {@link BloomNetworkModel}); the user layout is not read.
 *
 * <p><b>Every layout trains on every path:</b> trainable lookup weights ({@code hash-embedding}) are a table of
 * their own, learned by dense Adam, by the fused step and by autograd alike; concatenated blocks ({@code robe}) are
 * ordinary rows; an encoder network ({@code dhe}) always goes through the engine's autograd, whatever the
 * optimizer (the fused step has no network), its packed parameters read whole every step.
 *
 * <p><b>One fit at a time per JVM.</b> DJL's PyTorch gradient collector has a static "collecting" flag, so
 * {@link #fit} holds a JVM-wide lock ({@link DjlTrainingLock}): concurrent calls queue, and
 * {@link #capabilities()} declares {@code concurrentFits = false}. Run parallel fits in separate processes.
 *
 * <p>Offline by construction: the CPU libtorch comes from the {@code pytorch-native-cpu} Maven artifact.
 */
public final class DjlTrainer implements Trainer {

    /** The name users put in specs. */
    public static final String NAME = "djl";

    private final ParameterInitializer initializer;
    private final NetworkInitializer networkInitializer;

    /** The trainer with Spotlight's initialisation ({@link GaussianInitializer}); used by ServiceLoader. */
    public DjlTrainer() {
        this(GaussianInitializer.INSTANCE);
    }

    /** A trainer that starts embedding tables from {@code initializer} (biases always start at zero). */
    public DjlTrainer(ParameterInitializer initializer) {
        this(initializer, NetworkInitializer.GLOROT);
    }

    /** A trainer that starts Bloom networks ({@code bloom-network}) from {@code networkInitializer}. */
    public DjlTrainer(NetworkInitializer networkInitializer) {
        this(GaussianInitializer.INSTANCE, networkInitializer);
    }

    private DjlTrainer(ParameterInitializer initializer, NetworkInitializer networkInitializer) {
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.networkInitializer = Objects.requireNonNull(networkInitializer, "networkInitializer");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One fit at a time per JVM; CPU and GPU; both factorization kinds and the Bloom network; dense and sparse
     * optimizers (the network trains with dense {@code adam} only); one option, {@code sparseGradients}
     * ({@link SparseGradients}).
     *
     * @throws IllegalArgumentException when the deprecated system property {@code bloomfit.djl.sparseGradients}
     *                                  holds a value the option does not allow
     */
    @Override
    public TrainerCapabilities capabilities() {
        return new TrainerCapabilities(false, EnumSet.allOf(DeviceChoice.class),
                EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION, ModelKind.EXPLICIT_FACTORIZATION, ModelKind.BLOOM_NETWORK),
                EnumSet.allOf(OptimizerKind.class), EnumSet.allOf(LayoutFeature.class),
                List.of(SparseGradients.option()));
    }

    /**
     * Fits the model: a {@link DjlFactorizationModel}, or a {@link BloomNetworkModel} for {@code bloom-network}
     * (see {@link BloomNetworkFit}); blocks while another fit runs in this JVM. The model's spec holds the trainer
     * options the fit ran with (those given, and the defaults of the others).
     */
    @Override
    public TrainedModel fit(FitRequest given, TrainingListener listener) {
        Objects.requireNonNull(given, "request");
        TrainerCapabilities capabilities = capabilities();
        FitLoop.validate(given, capabilities, NAME);
        FitRequest request = new FitRequest(given.model().withTrainer(t -> t.resolved(capabilities.options())),
                given.train(), given.userLayout(), given.itemLayout());
        TrainingListener progress = listener == null ? TrainingListener.NONE : listener;
        DjlTrainingLock.LOCK.lock();
        try {
            if (request.model().architecture().kind() == ModelKind.BLOOM_NETWORK) {
                return BloomNetworkFit.fit(request, progress, networkInitializer,
                        DeviceSelection.choose(request.model().trainer().device(), Engine.getEngine(DjlFit.ENGINE)));
            }
            return new DjlFactorizationModel(new DjlFit(request, progress,
                    initializer, new ModelOrigin(NAME, djlVersion())).run());
        } finally {
            DjlTrainingLock.LOCK.unlock();
        }
    }

    /** Loads any saved factorization model (manifests of the {@code djl} and the {@code cpu} trainer alike). */
    @Override
    public DjlFactorizationModel load(Path directory, PluginLookup plugins) throws IOException {
        return new DjlFactorizationModel(ModelFiles.load(directory, plugins));
    }

    /** The DJL version this build runs on (written into manifests). */
    static String djlVersion() {
        return ModelFiles.buildProperty(DjlTrainer.class, "djl.version");
    }
}
