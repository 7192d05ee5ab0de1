package io.bloomfit.api.train;

import java.util.Objects;

/**
 * What is fitted: the model's kind, its loss and the shape of its parameters (the {@code model} section's
 * {@code kind}, {@code loss}, {@code dimension}, {@code compressBiases} and {@code network}). Part of a
 * {@link ModelSpec}; {@link #defaults()} follows Spotlight's {@code ImplicitFactorizationModel}.
 *
 * @param kind           implicit (ranking) or explicit (rating regression) factorization, or the Bloom network
 * @param loss           training loss; {@link Loss#REGRESSION} for explicit models and for them only
 * @param dimension      embedding size, at least 1
 * @param compressBiases whether per-entity biases use the compressed layout too (default full-size)
 * @param network        the layers of a {@link ModelKind#BLOOM_NETWORK} ({@link NetworkSpec#defaults()} unless
 *                       given); factorization kinds ignore it
 */
public record ModelArchitecture(ModelKind kind, Loss loss, int dimension, boolean compressBiases,
                                NetworkSpec network) {

    public ModelArchitecture {
        Objects.requireNonNull(kind, "model.kind");
        Objects.requireNonNull(loss, "model.loss");
        Objects.requireNonNull(network, "model.network");
        ModelSpec.requireAtLeast("model.dimension", dimension, 1);
        if (kind == ModelKind.EXPLICIT_FACTORIZATION && loss != Loss.REGRESSION) {
            throw new IllegalArgumentException("model.loss: explicit-factorization trains with loss 'regression', "
                    + "was '" + loss.specName() + "'");
        }
        if (kind == ModelKind.IMPLICIT_FACTORIZATION && loss == Loss.REGRESSION) {
            throw new IllegalArgumentException("model.loss: 'regression' needs model.kind explicit-factorization; "
                    + "implicit-factorization takes pointwise, bpr, hinge, adaptive-hinge, bpr-bounded or pointwise-bounded");
        }
    }

    /** An implicit factorization model with pointwise loss, dimension 32, full-size biases. */
    public static ModelArchitecture defaults() {
        return new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.POINTWISE, 32, false,
                NetworkSpec.defaults());
    }

    public ModelArchitecture withKind(ModelKind value) {
        return new ModelArchitecture(value, loss, dimension, compressBiases, network);
    }

    public ModelArchitecture withLoss(Loss value) {
        return new ModelArchitecture(kind, value, dimension, compressBiases, network);
    }

    public ModelArchitecture withDimension(int value) {
        return new ModelArchitecture(kind, loss, value, compressBiases, network);
    }

    public ModelArchitecture withCompressBiases(boolean value) {
        return new ModelArchitecture(kind, loss, dimension, value, network);
    }

    public ModelArchitecture withNetwork(NetworkSpec value) {
        return new ModelArchitecture(kind, loss, dimension, compressBiases, value);
    }
}
