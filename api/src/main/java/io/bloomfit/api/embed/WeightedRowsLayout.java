package io.bloomfit.api.embed;

/**
 * A layout of row lookups with fixed weights ({@link LookupKind#WEIGHTED_ROWS}): entity e's embedding is its k rows
 * ({@link #globalRow}), row j times {@link #weight(int, int) weight(e, j)}, combined element-wise by
 * {@link #combiner()} ({@code MEAN}, {@code SUM} or {@code PRODUCT}, never {@code CONCAT}). The signed hashing
 * trick is such a layout. The weights are part of the layout, not parameters: a trainer multiplies each row by its
 * weight before combining, carries the weight into the row's gradient, and never updates it. Built by
 * {@link EmbeddingLayout#of} with weights.
 */
public final class WeightedRowsLayout extends EmbeddingLayout {

    private final float[] weights; // entity-major, as the rows

    WeightedRowsLayout(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables, int[] rows,
                       float[] weights, Combiner combiner) {
        super(compressor, request, tableRows, lookupTables, rows, combiner);
        this.weights = weights;
    }

    @Override
    public LookupKind kind() {
        return LookupKind.WEIGHTED_ROWS;
    }

    /** The fixed weight of lookup {@code lookup} of {@code entity}. */
    @Override
    public float weight(int entity, int lookup) {
        return weights[entity * numLookups() + lookup];
    }

    @Override
    public long indexBytes() {
        return super.indexBytes() + (long) weights.length * Float.BYTES;
    }
}
