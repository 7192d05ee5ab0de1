package io.bloomfit.api.train;

import java.util.Objects;

/**
 * How an implicit model's negatives are drawn: how many per positive for adaptive-hinge ({@code model.negatives};
 * the other losses draw one) and from which distribution ({@code trainer.negatives}).
 *
 * @param count    sampled negatives per positive for adaptive-hinge, at least 1
 * @param sampling uniform over all items, or in proportion to their training counts
 */
public record Negatives(int count, NegativeSampling sampling) {

    public Negatives {
        ModelSpec.requireAtLeast("model.negatives", count, 1);
        Objects.requireNonNull(sampling, "trainer.negatives");
    }

    /** {@code count} negatives drawn uniformly (Spotlight's sampling). */
    public static Negatives uniform(int count) {
        return new Negatives(count, NegativeSampling.UNIFORM);
    }
}
