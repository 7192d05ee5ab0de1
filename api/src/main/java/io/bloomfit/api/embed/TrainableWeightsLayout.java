package io.bloomfit.api.embed;

/**
 * A layout of row lookups whose weights are learned with the model ({@link LookupKind#TRAINABLE_WEIGHTS}): entity
 * e's embedding is its k rows ({@link #globalRow}), row j times element j of weight row
 * {@code weights().row(e)}, combined element-wise by {@link #combiner()} ({@code MEAN}, {@code SUM} or
 * {@code PRODUCT}, never {@code CONCAT}). Hash embeddings' importance weights are such a layout. A trainer keeps a
 * weight table of {@link TrainableWeights#rows()} rows of k floats, starts it at {@link TrainableWeights#initial()},
 * updates it with the model (at the fit's learning rate times {@link TrainableWeights#learningRateScale()}), reads
 * an entity's weights from it (not from {@link #weight}, which gives the starting values) and counts it in the
 * parameters. Built by {@link EmbeddingLayout#ofTrainable}.
 */
public final class TrainableWeightsLayout extends EmbeddingLayout {

    private final TrainableWeights weights;

    TrainableWeightsLayout(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables, int[] rows,
                           Combiner combiner, TrainableWeights weights) {
        super(compressor, request, tableRows, lookupTables, rows, combiner);
        this.weights = weights;
    }

    @Override
    public LookupKind kind() {
        return LookupKind.TRAINABLE_WEIGHTS;
    }

    /** The lookup weights training learns: which weight row each entity reads, and their starting values. */
    public TrainableWeights weights() {
        return weights;
    }

    /** The value the weight of lookup {@code lookup} of {@code entity} starts from. */
    @Override
    public float weight(int entity, int lookup) {
        return weights.initial(weights.row(entity), lookup);
    }

    /** The table rows times the dimension, plus the trainable weights. */
    @Override
    public long parameterCount(int dimension) {
        return super.parameterCount(dimension) + weights.parameterCount();
    }

    @Override
    public long indexBytes() {
        return super.indexBytes() + weights.indexBytes();
    }
}
