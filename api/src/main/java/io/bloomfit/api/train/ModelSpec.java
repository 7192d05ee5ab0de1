package io.bloomfit.api.train;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything about one fit but its data and layouts, in three parts: what is fitted ({@link ModelArchitecture}),
 * how ({@link Optimization}) and where the trainer runs it ({@link TrainerSettings}). {@link #defaults()} follows
 * Spotlight's {@code ImplicitFactorizationModel}: pointwise loss, dimension 32, 10 epochs, batch 256, Adam with
 * learning rate 1e-2, l2 0, 5 negatives (used by adaptive-hinge), embeddings initialised N(0, 1/dimension), biases
 * full-size.
 *
 * <p>Each part validates its own fields and names them by their spec path ({@code model.dimension must be >= 1,
 * was 0}). A spec derives from another part by part, each part by its {@code withX} methods:
 * {@code spec.withOptimization(o -> o.withSeed(7).withEpochs(20))}.
 *
 * @param architecture the model's kind, loss and parameter shapes
 * @param optimization the optimizer, its schedule, the negatives and the seed
 * @param trainer      device, threads and the trainer's own options
 */
public record ModelSpec(ModelArchitecture architecture, Optimization optimization, TrainerSettings trainer) {

    public ModelSpec {
        Objects.requireNonNull(architecture, "model");
        Objects.requireNonNull(optimization, "model");
        Objects.requireNonNull(trainer, "trainer");
    }

    /** Spotlight's {@code ImplicitFactorizationModel} defaults (see the class comment). */
    public static ModelSpec defaults() {
        return new ModelSpec(ModelArchitecture.defaults(), Optimization.defaults(), TrainerSettings.defaults());
    }

    /** This spec with its architecture changed by {@code change}, e.g. {@code a -> a.withDimension(64)}. */
    public ModelSpec withArchitecture(UnaryOperator<ModelArchitecture> change) {
        return new ModelSpec(change.apply(architecture), optimization, trainer);
    }

    /** This spec with its optimization changed by {@code change}, e.g. {@code o -> o.withSeed(7)}. */
    public ModelSpec withOptimization(UnaryOperator<Optimization> change) {
        return new ModelSpec(architecture, change.apply(optimization), trainer);
    }

    /** This spec with its trainer settings changed by {@code change}, e.g. {@code t -> t.withThreads(1)}. */
    public ModelSpec withTrainer(UnaryOperator<TrainerSettings> change) {
        return new ModelSpec(architecture, optimization, change.apply(trainer));
    }

    /** Throws {@code "<field> must be >= <min>, was <value>"} when {@code value < min}. */
    static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }
}
