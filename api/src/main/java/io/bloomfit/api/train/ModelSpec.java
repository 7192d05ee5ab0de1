package io.bloomfit.api.train;

import java.util.Objects;

/**
 * Hyperparameters of one fit. {@link #defaults()} follows Spotlight's {@code ImplicitFactorizationModel}:
 * pointwise loss, dimension 32, 10 epochs, batch 256, Adam with learning rate 1e-2, l2 0, 5 negatives (used
 * by adaptive-hinge), embeddings initialised N(0, 1/dimension), biases full-size.
 *
 * @param kind           implicit (ranking) or explicit (rating regression) factorization
 * @param loss           training loss; {@link Loss#REGRESSION} for explicit models
 * @param dimension      embedding size, at least 1
 * @param epochs         passes over the training data, at least 1
 * @param batchSize      interactions per step, at least 1
 * @param learningRate   step size, &gt; 0
 * @param l2             L2 penalty on the embeddings read by a batch, &gt;= 0
 * @param negatives      sampled negatives per positive for adaptive-hinge, at least 1
 * @param optimizer      dense Adam or one of the sparse row-wise optimizers
 * @param seed           seeds initialisation, shuffling and negative sampling
 * @param device         where to train
 * @param threads        intra-op threads for the engine; 0 lets the engine choose (reported with results)
 * @param compressBiases whether per-entity biases use the compressed layout too (default full-size)
 * @param network        the layers of a {@link ModelKind#BLOOM_NETWORK} ({@link NetworkSpec#defaults()} unless
 *                       given); factorization kinds ignore it
 * @param sampling       how negatives are drawn ({@code trainer.negatives}; default uniform)
 */
public record ModelSpec(ModelKind kind, Loss loss, int dimension, int epochs, int batchSize, double learningRate,
                        double l2, int negatives, OptimizerKind optimizer, long seed, DeviceChoice device,
                        int threads, boolean compressBiases, NetworkSpec network,
                        NegativeSampling sampling) {

    public ModelSpec {
        Objects.requireNonNull(sampling, "trainer.negatives");
        Objects.requireNonNull(kind, "model.kind");
        Objects.requireNonNull(network, "model.network");
        Objects.requireNonNull(loss, "model.loss");
        Objects.requireNonNull(optimizer, "model.optimizer");
        Objects.requireNonNull(device, "trainer.device");
        requireAtLeast("model.dimension", dimension, 1);
        requireAtLeast("model.epochs", epochs, 1);
        requireAtLeast("model.batchSize", batchSize, 1);
        requireAtLeast("model.negatives", negatives, 1);
        requireAtLeast("trainer.threads", threads, 0);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("model.learningRate must be a finite number > 0, was " + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("model.l2 must be a finite number >= 0, was " + l2);
        }
        if (kind == ModelKind.EXPLICIT_FACTORIZATION && loss != Loss.REGRESSION) {
            throw new IllegalArgumentException("model.loss: explicit-factorization trains with loss 'regression', "
                    + "was '" + loss.specName() + "'");
        }
        if (kind == ModelKind.IMPLICIT_FACTORIZATION && loss == Loss.REGRESSION) {
            throw new IllegalArgumentException("model.loss: 'regression' needs model.kind explicit-factorization; "
                    + "implicit-factorization takes pointwise, bpr, hinge, adaptive-hinge, bpr-bounded or pointwise-bounded");
        }
    }

    /** A spec with the default {@link NetworkSpec}: every factorization model's constructor. */
    public ModelSpec(ModelKind kind, Loss loss, int dimension, int epochs, int batchSize, double learningRate,
                     double l2, int negatives, OptimizerKind optimizer, long seed, DeviceChoice device, int threads,
                     boolean compressBiases) {
        this(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer, seed, device, threads,
                compressBiases, NetworkSpec.defaults(), NegativeSampling.UNIFORM);
    }

    /** A spec with uniform negatives (the network kinds' constructor). */
    public ModelSpec(ModelKind kind, Loss loss, int dimension, int epochs, int batchSize, double learningRate,
                     double l2, int negatives, OptimizerKind optimizer, long seed, DeviceChoice device, int threads,
                     boolean compressBiases, NetworkSpec network) {
        this(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer, seed, device, threads,
                compressBiases, network, NegativeSampling.UNIFORM);
    }

    /** A spec with the default {@link NetworkSpec} and the given negative sampling. */
    public ModelSpec(ModelKind kind, Loss loss, int dimension, int epochs, int batchSize, double learningRate,
                     double l2, int negatives, OptimizerKind optimizer, long seed, DeviceChoice device, int threads,
                     boolean compressBiases, NegativeSampling sampling) {
        this(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer, seed, device, threads,
                compressBiases, NetworkSpec.defaults(), sampling);
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }

    /** Spotlight's {@code ImplicitFactorizationModel} defaults (see the class comment). */
    public static ModelSpec defaults() {
        return new ModelSpec(ModelKind.IMPLICIT_FACTORIZATION, Loss.POINTWISE, 32, 10, 256, 1e-2, 0.0, 5,
                OptimizerKind.ADAM, 0L, DeviceChoice.AUTO, 0, false);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public ModelSpec withLoss(Loss value) {
        return toBuilder().loss(value).build();
    }

    public ModelSpec withEpochs(int value) {
        return toBuilder().epochs(value).build();
    }

    public ModelSpec withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    public ModelSpec withOptimizer(OptimizerKind value) {
        return toBuilder().optimizer(value).build();
    }

    /**
     * Builds a {@link ModelSpec} field by field; {@link #build()} validates, as the constructor does. Sections
     * that belong to one model kind only (a network's layers, say) are added as nested records of their own, not
     * as more positional components.
     */
    public static final class Builder {

        private ModelKind kind;
        private Loss loss;
        private int dimension;
        private int epochs;
        private int batchSize;
        private double learningRate;
        private double l2;
        private int negatives;
        private OptimizerKind optimizer;
        private long seed;
        private DeviceChoice device;
        private int threads;
        private boolean compressBiases;
        private NetworkSpec network;
        private NegativeSampling sampling;

        private Builder(ModelSpec from) {
            kind = from.kind;
            loss = from.loss;
            dimension = from.dimension;
            epochs = from.epochs;
            batchSize = from.batchSize;
            learningRate = from.learningRate;
            l2 = from.l2;
            negatives = from.negatives;
            optimizer = from.optimizer;
            seed = from.seed;
            device = from.device;
            threads = from.threads;
            compressBiases = from.compressBiases;
            network = from.network;
            sampling = from.sampling;
        }

        public Builder kind(ModelKind value) {
            kind = value;
            return this;
        }

        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        public Builder dimension(int value) {
            dimension = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder l2(double value) {
            l2 = value;
            return this;
        }

        public Builder negatives(int value) {
            negatives = value;
            return this;
        }

        public Builder optimizer(OptimizerKind value) {
            optimizer = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder device(DeviceChoice value) {
            device = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder compressBiases(boolean value) {
            compressBiases = value;
            return this;
        }

        public Builder network(NetworkSpec value) {
            network = value;
            return this;
        }

        /** How negatives are drawn. */
        public Builder sampling(NegativeSampling value) {
            sampling = value;
            return this;
        }

        /**
         * The spec.
         *
         * @throws IllegalArgumentException naming the field and the value when one is out of range
         */
        public ModelSpec build() {
            return new ModelSpec(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer,
                    seed, device, threads, compressBiases, network, sampling);
        }
    }
}
