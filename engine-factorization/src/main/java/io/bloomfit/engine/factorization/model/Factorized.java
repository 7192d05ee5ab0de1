package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.train.TrainedModel;

/**
 * A trained model whose parameters are those of a {@link FactorizationModel}: the engine-neutral model itself, or
 * an engine's model that scores the same parameters another way (the {@code djl} trainer's, with libtorch).
 * Model files and the ONNX exporter read the parameters through this, whatever trainer made the model.
 */
public interface Factorized extends TrainedModel {

    /** The engine-neutral model holding the parameters (this model, or the one it scores for). */
    FactorizationModel factorization();
}
