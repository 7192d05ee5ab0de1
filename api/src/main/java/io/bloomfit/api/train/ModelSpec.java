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
 */
public record ModelSpec(ModelKind kind, Loss loss, int dimension, int epochs, int batchSize, double learningRate,
                        double l2, int negatives, OptimizerKind optimizer, long seed, DeviceChoice device,
                        int threads, boolean compressBiases) {

    public ModelSpec {
        Objects.requireNonNull(kind, "model.kind");
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
                    + "implicit-factorization takes pointwise, bpr, hinge or adaptive-hinge");
        }
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

    public ModelSpec withLoss(Loss value) {
        return new ModelSpec(kind, value, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer, seed,
                device, threads, compressBiases);
    }

    public ModelSpec withEpochs(int value) {
        return new ModelSpec(kind, loss, dimension, value, batchSize, learningRate, l2, negatives, optimizer, seed,
                device, threads, compressBiases);
    }

    public ModelSpec withSeed(long value) {
        return new ModelSpec(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer, value,
                device, threads, compressBiases);
    }

    public ModelSpec withOptimizer(OptimizerKind value) {
        return new ModelSpec(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, value, seed,
                device, threads, compressBiases);
    }
}
