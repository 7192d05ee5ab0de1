package io.bloomfit.api.train;

import io.bloomfit.api.embed.EmbeddingLayout;

/**
 * What a layout may ask of a trainer beyond fixed row lookups, declared in {@link TrainerCapabilities#layoutFeatures()}
 * so that a trainer refuses, with a message, a layout it cannot train instead of silently treating it as another.
 */
public enum LayoutFeature {
    /** Lookup weights learned with the model ({@link EmbeddingLayout#hasTrainableWeights()}: hash embeddings). */
    TRAINABLE_WEIGHTS,
    /** Embeddings computed by an encoder network ({@link EmbeddingLayout#isEncoder()}: DHE). */
    ENCODER,
    /**
     * Lookups concatenated into the embedding instead of combined ({@link io.bloomfit.api.embed.Combiner#CONCAT}:
     * ROBE-Z's blocks): each row is {@code dimension / k} wide, so a trainer that assumes full-width rows would
     * read and update the wrong floats.
     */
    CONCATENATED_ROWS;

    /** The features {@code layout} needs (none for plain row lookups with fixed weights). */
    public static java.util.Set<LayoutFeature> of(EmbeddingLayout layout) {
        java.util.EnumSet<LayoutFeature> needed = java.util.EnumSet.noneOf(LayoutFeature.class);
        if (layout.hasTrainableWeights()) {
            needed.add(TRAINABLE_WEIGHTS);
        }
        if (layout.isEncoder()) {
            needed.add(ENCODER);
        }
        if (!layout.isEncoder() && layout.combiner() == io.bloomfit.api.embed.Combiner.CONCAT) {
            needed.add(CONCATENATED_ROWS);
        }
        return needed;
    }
}
