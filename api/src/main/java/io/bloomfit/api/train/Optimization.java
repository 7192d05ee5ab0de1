package io.bloomfit.api.train;

import java.util.Objects;

/**
 * How a model is fitted: the optimizer and its step size, the penalty, the passes and batches over the data, the
 * negatives drawn and the seed of every random choice (the {@code model} section's {@code optimizer},
 * {@code learningRate}, {@code l2}, {@code epochs}, {@code batchSize}, {@code negatives} and {@code seed}, and
 * {@code trainer.negatives}). Part of a {@link ModelSpec}; {@link #defaults()} follows Spotlight's
 * {@code ImplicitFactorizationModel}.
 *
 * @param optimizer    dense Adam or one of the sparse row-wise optimizers
 * @param learningRate step size, a finite number &gt; 0
 * @param l2           L2 penalty on the embeddings read by a batch, a finite number &gt;= 0
 * @param epochs       passes over the training data, at least 1
 * @param batchSize    interactions per step, at least 1
 * @param negatives    how an implicit model's negatives are drawn
 * @param seed         seeds initialisation, shuffling and negative sampling
 */
public record Optimization(OptimizerKind optimizer, double learningRate, double l2, int epochs, int batchSize,
                           Negatives negatives, long seed) {

    public Optimization {
        Objects.requireNonNull(optimizer, "model.optimizer");
        Objects.requireNonNull(negatives, "model.negatives");
        ModelSpec.requireAtLeast("model.epochs", epochs, 1);
        ModelSpec.requireAtLeast("model.batchSize", batchSize, 1);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("model.learningRate must be a finite number > 0, was " + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("model.l2 must be a finite number >= 0, was " + l2);
        }
    }

    /** Adam with learning rate 1e-2, l2 0, 10 epochs of batches of 256, 5 uniform negatives, seed 0. */
    public static Optimization defaults() {
        return new Optimization(OptimizerKind.ADAM, 1e-2, 0.0, 10, 256, Negatives.uniform(5), 0L);
    }

    public Optimization withOptimizer(OptimizerKind value) {
        return new Optimization(value, learningRate, l2, epochs, batchSize, negatives, seed);
    }

    public Optimization withLearningRate(double value) {
        return new Optimization(optimizer, value, l2, epochs, batchSize, negatives, seed);
    }

    public Optimization withL2(double value) {
        return new Optimization(optimizer, learningRate, value, epochs, batchSize, negatives, seed);
    }

    public Optimization withEpochs(int value) {
        return new Optimization(optimizer, learningRate, l2, value, batchSize, negatives, seed);
    }

    public Optimization withBatchSize(int value) {
        return new Optimization(optimizer, learningRate, l2, epochs, value, negatives, seed);
    }

    public Optimization withNegatives(Negatives value) {
        return new Optimization(optimizer, learningRate, l2, epochs, batchSize, value, seed);
    }

    public Optimization withSeed(long value) {
        return new Optimization(optimizer, learningRate, l2, epochs, batchSize, negatives, value);
    }
}
