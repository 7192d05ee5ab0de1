package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code djl} trainer: implicit and explicit factorization models (score = &lt;U(u), V(i)&gt; + b_u + b_i)
 * on any {@link io.bloomfit.api.embed.EmbeddingLayout}, trained with DJL's PyTorch engine.
 *
 * <p>Defaults are those of {@link io.bloomfit.api.train.ModelSpec#defaults()} (Spotlight's
 * {@code ImplicitFactorizationModel}: pointwise loss, dimension 32, 10 epochs, batch 256, Adam lr 1e-2, l2 0,
 * 5 negatives for adaptive-hinge, embeddings N(0, std 1/dimension), biases zero and full-size).
 * {@code adam} is dense (DJL's stock optimizer rewrites whole tables every step); {@code sparse-adam},
 * {@code sparse-adagrad} and {@code sgd} update only the rows a step read. On the CPU those sparse steps skip the
 * engine: {@link FusedSparseStep} computes the same model's gradients in closed form, because dispatching a
 * step's many small tensor operations cost more than the arithmetic (system property
 * {@code bloomfit.djl.sparseGradients=autograd} restores the engine path). Negatives are sampled uniformly over
 * all items; pointwise, bpr and hinge use one per positive, adaptive-hinge {@code model.negatives}.
 *
 * <p><b>One fit at a time per JVM.</b> DJL's PyTorch gradient collector has a static "collecting" flag, so
 * {@link #fit} holds a JVM-wide lock: concurrent calls queue. Run parallel fits in separate processes.
 *
 * <p>Offline by construction: the CPU libtorch comes from the {@code pytorch-native-cpu} Maven artifact.
 */
public final class DjlTrainer implements Trainer {

    /** The name users put in specs. */
    public static final String NAME = "djl";

    private final ParameterInitializer initializer;

    /** The trainer with Spotlight's initialisation ({@link GaussianInitializer}); used by ServiceLoader. */
    public DjlTrainer() {
        this(GaussianInitializer.INSTANCE);
    }

    /** A trainer that starts embedding tables from {@code initializer} (biases always start at zero). */
    public DjlTrainer(ParameterInitializer initializer) {
        this.initializer = Objects.requireNonNull(initializer, "initializer");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Fits the model; blocks while another fit runs in this JVM. */
    @Override
    public FactorizationModel fit(FitRequest request, TrainingListener listener) {
        Objects.requireNonNull(request, "request");
        validate(request);
        DjlTrainingLock.LOCK.lock();
        try {
            return new FitLoop(request, listener == null ? TrainingListener.NONE : listener, initializer).run();
        } finally {
            DjlTrainingLock.LOCK.unlock();
        }
    }

    @Override
    public TrainedModel load(Path directory) throws IOException {
        return ModelFiles.load(directory);
    }

    private static void validate(FitRequest request) {
        Interactions train = request.train();
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training data has no interactions; nothing to fit");
        }
        if (request.model().kind() == ModelKind.EXPLICIT_FACTORIZATION && !train.hasRatings()) {
            throw new IllegalArgumentException("model.kind: explicit-factorization regresses ratings but the "
                    + "training data has none; use implicit-factorization or a dataset with ratings");
        }
        long floats = (long) request.userLayout().totalRows() * request.model().dimension();
        long itemFloats = (long) request.itemLayout().totalRows() * request.model().dimension();
        if (floats > Integer.MAX_VALUE - 8 || itemFloats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model.dimension " + request.model().dimension() + " times the "
                    + "table rows exceeds 2^31 floats per table; lower the dimension or the compression ratio");
        }
    }
}
