package io.bloomfit.api.embed;

/**
 * The kinds of {@link EmbeddingLayout}, one per way a trainer reads an entity's embedding; each kind is one
 * variant of the layout type, named after it. A trainer interprets a layout by a switch <em>expression</em> over
 * {@link EmbeddingLayout#kind()} with no {@code default}, so that the compiler names every place to extend when a
 * kind is added, and a kind a code path cannot train is refused there by name instead of being read as another.
 */
public enum LookupKind {
    /** {@link PlainRowsLayout}: k rows per entity, weight 1, combined by MEAN, SUM or PRODUCT. */
    PLAIN_ROWS("plain rows"),
    /** {@link WeightedRowsLayout}: k rows per entity times fixed weights (e.g. the hashing trick's signs). */
    WEIGHTED_ROWS("weighted rows"),
    /** {@link TrainableWeightsLayout}: k rows per entity times lookup weights learned with the model. */
    TRAINABLE_WEIGHTS("rows with trainable weights"),
    /** {@link BlocksLayout}: k rows of {@code dimension / k} floats laid end to end ({@link Combiner#CONCAT}). */
    BLOCKS("concatenated blocks"),
    /** {@link EncoderLayout}: an {@link EntityEncoder} network computes the embedding; no index maps. */
    ENCODER("an encoder network");

    private final String description;

    LookupKind(String description) {
        this.description = description;
    }

    /** A few words for messages, e.g. "weighted rows". */
    public String description() {
        return description;
    }
}
