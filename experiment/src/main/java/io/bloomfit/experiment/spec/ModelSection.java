package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.OptimizerKind;

import java.util.List;

/**
 * The {@code model} section's schema; defaults are {@link ModelSpec#defaults()} (Spotlight's
 * {@code ImplicitFactorizationModel}), except that {@code loss} defaults to {@code regression} for
 * {@code kind: explicit-factorization}. Device, threads and negative sampling come from the
 * {@code trainer} section.
 *
 * <p>{@code kind: bloom-network} reads its layers from the nested {@code network} mapping ({@link NetworkSection};
 * defaults {@link NetworkSpec#defaults()}) and trains with softmax cross-entropy and dense {@code adam}: the
 * factorization keys {@code loss}, {@code dimension}, {@code l2}, {@code negatives} and {@code compressBiases}
 * are refused for it (they would be silently ignored), and {@code network} is refused for the other kinds.
 */
final class ModelSection {

    private static final ModelSpec DEFAULTS = ModelSpec.defaults();

    static final SpecKey<ModelSpec, ModelKind> KIND = new SpecKey<>("kind", SpecTypes.choice(ModelKind.class),
            DEFAULTS.kind(), ModelSpec::kind);
    /** No fallback: the default depends on the kind. */
    static final SpecKey<ModelSpec, Loss> LOSS = new SpecKey<>("loss", SpecTypes.choice(Loss.class), null,
            factorizationOnly(ModelSpec::loss));
    static final SpecKey<ModelSpec, Integer> DIMENSION = new SpecKey<>("dimension", SpecTypes.count(1 << 16),
            DEFAULTS.dimension(), factorizationOnly(ModelSpec::dimension));
    static final SpecKey<ModelSpec, Integer> EPOCHS = new SpecKey<>("epochs", SpecTypes.count(1_000_000),
            DEFAULTS.epochs(), ModelSpec::epochs);
    static final SpecKey<ModelSpec, Integer> BATCH_SIZE = new SpecKey<>("batchSize", SpecTypes.count(1 << 24),
            DEFAULTS.batchSize(), ModelSpec::batchSize);
    static final SpecKey<ModelSpec, Double> LEARNING_RATE = new SpecKey<>("learningRate",
            SpecTypes.number(v -> v > 0 && !Double.isInfinite(v), "must be a number > 0, e.g. 0.01"),
            DEFAULTS.learningRate(), ModelSpec::learningRate);
    static final SpecKey<ModelSpec, Double> L2 = new SpecKey<>("l2",
            SpecTypes.number(v -> v >= 0 && !Double.isInfinite(v), "must be a number >= 0, e.g. 1.0e-6"),
            DEFAULTS.l2(), factorizationOnly(ModelSpec::l2));
    static final SpecKey<ModelSpec, Integer> NEGATIVES = new SpecKey<>("negatives", SpecTypes.count(1 << 16),
            DEFAULTS.negatives(), factorizationOnly(ModelSpec::negatives));
    static final SpecKey<ModelSpec, OptimizerKind> OPTIMIZER = new SpecKey<>("optimizer",
            SpecTypes.choice(OptimizerKind.class), DEFAULTS.optimizer(), ModelSpec::optimizer);
    static final SpecKey<ModelSpec, Long> SEED = new SpecKey<>("seed", SpecTypes.wholeNumber(), DEFAULTS.seed(),
            ModelSpec::seed);
    static final SpecKey<ModelSpec, Boolean> COMPRESS_BIASES = new SpecKey<>("compressBiases", SpecTypes.bool(),
            DEFAULTS.compressBiases(), factorizationOnly(ModelSpec::compressBiases));
    static final SpecKey<ModelSpec, NetworkSpec> NETWORK = new SpecKey<>("network", NetworkSection.type(),
            DEFAULTS.network(), m -> m.kind() == ModelKind.BLOOM_NETWORK ? m.network() : null);

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
                : kind == ModelKind.EXPLICIT_FACTORIZATION ? Loss.REGRESSION : DEFAULTS.loss();
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
        return ModelSpec.builder()
                .kind(kind)
                .loss(loss)
                .dimension(values.get(DIMENSION))
                .epochs(values.get(EPOCHS))
                .batchSize(values.get(BATCH_SIZE))
                .learningRate(values.get(LEARNING_RATE))
                .l2(values.get(L2))
                .negatives(values.get(NEGATIVES))
                .optimizer(values.get(OPTIMIZER))
                .seed(values.get(SEED))
                .device(trainer.device())
                .threads(trainer.threads())
                .sampling(trainer.negatives())
                .compressBiases(values.get(COMPRESS_BIASES))
                .network(values.get(NETWORK))
                .build();
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
        return m -> m.kind().factorization() ? value.apply(m) : null;
    }
}
