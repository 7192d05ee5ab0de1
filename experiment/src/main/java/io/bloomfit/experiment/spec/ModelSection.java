package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerSettings;

import java.util.List;

/**
 * The {@code model} section's schema; defaults are {@link ModelSpec#defaults()} (Spotlight's
 * {@code ImplicitFactorizationModel}), except that {@code loss} defaults to {@code regression} for
 * {@code kind: explicit-factorization}. Device, threads, the trainer's options and negative sampling come from
 * the {@code trainer} section.
 *
 * <p>{@code kind: bloom-network} reads its layers from the nested {@code network} mapping ({@link NetworkSection};
 * defaults {@link NetworkSpec#defaults()}) and trains with softmax cross-entropy and dense {@code adam}: the
 * factorization keys {@code loss}, {@code dimension}, {@code l2}, {@code negatives} and {@code compressBiases}
 * are refused for it (they would be silently ignored), and {@code network} is refused for the other kinds.
 */
final class ModelSection {

    private static final ModelArchitecture ARCHITECTURE = ModelArchitecture.defaults();
    private static final Optimization OPTIMIZATION = Optimization.defaults();

    static final SpecKey<ModelSpec, ModelKind> KIND = new SpecKey<>("kind", SpecTypes.choice(ModelKind.class),
            ARCHITECTURE.kind(), m -> m.architecture().kind());
    /** No fallback: the default depends on the kind. */
    static final SpecKey<ModelSpec, Loss> LOSS = new SpecKey<>("loss", SpecTypes.choice(Loss.class), null,
            factorizationOnly(m -> m.architecture().loss()));
    static final SpecKey<ModelSpec, Integer> DIMENSION = new SpecKey<>("dimension", SpecTypes.count(1 << 16),
            ARCHITECTURE.dimension(), factorizationOnly(m -> m.architecture().dimension()));
    static final SpecKey<ModelSpec, Integer> EPOCHS = new SpecKey<>("epochs", SpecTypes.count(1_000_000),
            OPTIMIZATION.epochs(), m -> m.optimization().epochs());
    static final SpecKey<ModelSpec, Integer> BATCH_SIZE = new SpecKey<>("batchSize", SpecTypes.count(1 << 24),
            OPTIMIZATION.batchSize(), m -> m.optimization().batchSize());
    static final SpecKey<ModelSpec, Double> LEARNING_RATE = new SpecKey<>("learningRate",
            SpecTypes.number(v -> v > 0 && !Double.isInfinite(v), "must be a number > 0, e.g. 0.01"),
            OPTIMIZATION.learningRate(), m -> m.optimization().learningRate());
    static final SpecKey<ModelSpec, Double> L2 = new SpecKey<>("l2",
            SpecTypes.number(v -> v >= 0 && !Double.isInfinite(v), "must be a number >= 0, e.g. 1.0e-6"),
            OPTIMIZATION.l2(), factorizationOnly(m -> m.optimization().l2()));
    static final SpecKey<ModelSpec, Integer> NEGATIVES = new SpecKey<>("negatives", SpecTypes.count(1 << 16),
            OPTIMIZATION.negatives().count(), factorizationOnly(m -> m.optimization().negatives().count()));
    static final SpecKey<ModelSpec, OptimizerKind> OPTIMIZER = new SpecKey<>("optimizer",
            SpecTypes.choice(OptimizerKind.class), OPTIMIZATION.optimizer(), m -> m.optimization().optimizer());
    static final SpecKey<ModelSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), OPTIMIZATION.seed(),
            m -> m.optimization().seed());
    static final SpecKey<ModelSpec, Boolean> COMPRESS_BIASES = new SpecKey<>("compressBiases", SpecTypes.bool(),
            ARCHITECTURE.compressBiases(), factorizationOnly(m -> m.architecture().compressBiases()));
    static final SpecKey<ModelSpec, NetworkSpec> NETWORK = new SpecKey<>("network", NetworkSection.type(),
            ARCHITECTURE.network(), m -> m.architecture().kind() == ModelKind.BLOOM_NETWORK
            ? m.architecture().network() : null);

    static final Section<ModelSpec> SCHEMA = new Section<>("model", List.of(KIND, LOSS, DIMENSION, EPOCHS,
            BATCH_SIZE, LEARNING_RATE, L2, NEGATIVES, OPTIMIZER, SEED, COMPRESS_BIASES, NETWORK));

    /** The keys {@code bloom-network} does not read. */
    private static final List<SpecKey<ModelSpec, ?>> FACTORIZATION_KEYS = List.of(LOSS, DIMENSION, L2, NEGATIVES,
            COMPRESS_BIASES);

    private ModelSection() {
    }

    /**
     * Binds the section. Every value {@link ModelSpec} would refuse is reported here first, at its path, so the
     * record is only built from values it accepts.
     *
     * @return the model, or {@code null} when the section has problems
     */
    static ModelSpec bind(Section.Values<ModelSpec> values, TrainerSpec trainer) {
        ModelKind kind = values.get(KIND);
        checkKeysOfKind(values, kind);
        Loss loss = values.isSet(LOSS) ? values.get(LOSS)
                : kind == ModelKind.EXPLICIT_FACTORIZATION ? Loss.REGRESSION : ARCHITECTURE.loss();
        if (loss != null && kind == ModelKind.EXPLICIT_FACTORIZATION && loss != Loss.REGRESSION) {
            values.problem(LOSS, "explicit-factorization trains with loss 'regression', was '" + loss.specName()
                    + "'");
        }
        if (kind == ModelKind.IMPLICIT_FACTORIZATION && loss == Loss.REGRESSION) {
            values.problem(LOSS, "'regression' needs model.kind explicit-factorization; implicit-factorization "
                    + "takes pointwise, bpr, hinge, adaptive-hinge, bpr-bounded or pointwise-bounded");
        }
        if (values.hasProblems()) {
            return null;
        }
        return new ModelSpec(
                new ModelArchitecture(kind, loss, values.get(DIMENSION), values.get(COMPRESS_BIASES),
                        values.get(NETWORK)),
                new Optimization(values.get(OPTIMIZER), values.get(LEARNING_RATE), values.get(L2), values.get(EPOCHS),
                        values.get(BATCH_SIZE), new Negatives(values.get(NEGATIVES), trainer.negatives()),
                        values.get(SEED)),
                new TrainerSettings(trainer.device(), trainer.threads(), trainer.options()));
    }

    private static void checkKeysOfKind(Section.Values<ModelSpec> values, ModelKind kind) {
        if (kind == ModelKind.BLOOM_NETWORK) {
            for (SpecKey<ModelSpec, ?> key : FACTORIZATION_KEYS) {
                if (values.isSet(key)) {
                    values.problem(key, "not used by kind bloom-network (it trains a softmax with cross-entropy "
                            + "over its model.network layers); remove it");
                }
            }
            if (values.get(OPTIMIZER) != OptimizerKind.ADAM) {
                values.problem(OPTIMIZER, "bloom-network trains with dense 'adam', was '"
                        + values.get(OPTIMIZER).specName() + "'");
            }
        } else if (values.isSet(NETWORK)) {
            values.problem(NETWORK, "read by kind bloom-network only; remove it or set model.kind: bloom-network");
        }
    }

    /** What the canonical form writes for a factorization-only key: nothing for {@code bloom-network}. */
    private static <T> java.util.function.Function<ModelSpec, T> factorizationOnly(
            java.util.function.Function<ModelSpec, T> value) {
        return m -> m.architecture().kind().factorization() ? value.apply(m) : null;
    }
}
