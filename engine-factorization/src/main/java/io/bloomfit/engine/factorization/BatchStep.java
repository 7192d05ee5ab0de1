package io.bloomfit.engine.factorization;

/**
 * How one minibatch becomes a loss and an update of the parameters: the part of a fit that differs between
 * engines (the fused closed-form step on Java arrays, DJL's autograd with its dense Adam or row-sparse updates).
 * {@link FitLoop} owns everything else (epochs, batches, negatives, the listener, divergence, cancellation), so
 * every engine sees the same batches and negatives for the same seed.
 *
 * <p>Implementations compute the model's loss on the batch as defined by the spec (mean over the batch, plus the
 * l2 penalty on the embeddings read) and apply the optimizer's update. When the loss is not finite the fit stops
 * right after the step with {@link io.bloomfit.api.train.TrainingDivergedException}; whether that step's update
 * was applied is then unspecified.
 */
@FunctionalInterface
public interface BatchStep {

    /** Trains on {@code batch}; returns its loss. */
    double apply(Batch batch);
}
