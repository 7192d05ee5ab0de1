package io.bloomfit.api.embed;

/**
 * A layout of plain row lookups ({@link LookupKind#PLAIN_ROWS}): entity e's embedding is its k rows
 * ({@link #globalRow}), each of weight 1 and {@code dimension} floats, combined element-wise by {@link #combiner()}
 * ({@code MEAN}, {@code SUM} or {@code PRODUCT}, never {@code CONCAT}). Bloom embeddings, the unsigned hashing trick,
 * quotient-remainder and the uncompressed identity are such layouts. A trainer reads the rows, combines them and
 * carries the gradient back to each row through the combiner. Built by {@link EmbeddingLayout#of} without weights.
 */
public final class PlainRowsLayout extends EmbeddingLayout {

    PlainRowsLayout(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables, int[] rows,
                    Combiner combiner) {
        super(compressor, request, tableRows, lookupTables, rows, combiner);
    }

    @Override
    public LookupKind kind() {
        return LookupKind.PLAIN_ROWS;
    }
}
