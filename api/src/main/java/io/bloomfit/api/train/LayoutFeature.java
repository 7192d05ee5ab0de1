package io.bloomfit.api.train;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LookupKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a layout may ask of a trainer beyond fixed row lookups, declared in {@link TrainerCapabilities#layoutFeatures()}
 * so that a trainer refuses, with a message, a layout it cannot train instead of silently treating it as another.
 */
public enum LayoutFeature {
    /** Lookup weights learned with the model ({@link LookupKind#TRAINABLE_WEIGHTS}: hash embeddings). */
    TRAINABLE_WEIGHTS,
    /** Embeddings computed by an encoder network ({@link LookupKind#ENCODER}: DHE). */
    ENCODER,
    /**
     * Lookups concatenated into the embedding instead of combined ({@link LookupKind#BLOCKS}: ROBE-Z's blocks):
     * each row is {@code dimension / k} wide, so a trainer that assumes full-width rows would read and update the
     * wrong floats.
     */
    CONCATENATED_ROWS;

    /** The features {@code layout} needs, by its {@link EmbeddingLayout#kind()} (none for plain or weighted rows). */
    public static Set<LayoutFeature> of(EmbeddingLayout layout) {
        return switch (layout.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> EnumSet.noneOf(LayoutFeature.class);
            case TRAINABLE_WEIGHTS -> EnumSet.of(TRAINABLE_WEIGHTS);
            case BLOCKS -> EnumSet.of(CONCATENATED_ROWS);
            case ENCODER -> EnumSet.of(ENCODER);
        };
    }
}
