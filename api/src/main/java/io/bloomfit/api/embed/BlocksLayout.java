package io.bloomfit.api.embed;

/**
 * A layout of concatenated blocks ({@link LookupKind#BLOCKS}): entity e's embedding is its k rows
 * ({@link #globalRow}), each of {@link #blockWidth()} = {@code dimension / k} floats, laid end to end, row j filling
 * elements {@code [j * dimension / k, (j + 1) * dimension / k)}; no weights, and its {@link #combiner()} is
 * {@link Combiner#CONCAT}. ROBE-Z is such a layout. A trainer sizes its tables at {@link #rowWidth(int)} floats per
 * row (not the dimension) and carries block j of the embedding's gradient to row j. Built by
 * {@link EmbeddingLayout#blocks} (or {@link EmbeddingLayout#of} with {@code CONCAT}); the request's dimension is a
 * multiple of k.
 */
public final class BlocksLayout extends EmbeddingLayout {

    BlocksLayout(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables, int[] rows) {
        super(compressor, request, tableRows, lookupTables, rows, Combiner.CONCAT);
    }

    @Override
    public LookupKind kind() {
        return LookupKind.BLOCKS;
    }

    /** Floats per block (and per table row) at the request's dimension: {@code dimension / k}. */
    public int blockWidth() {
        return rowWidth(request().dimension());
    }

    /** {@code dimension / k}: each row is one block of the embedding. */
    @Override
    public int rowWidth(int dimension) {
        return dimension / numLookups();
    }
}
