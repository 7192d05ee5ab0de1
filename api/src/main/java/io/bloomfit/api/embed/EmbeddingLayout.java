package io.bloomfit.api.embed;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The immutable index map of a compressed embedding: one or more tables of rows, and for each entity
 * {@code e} and lookup {@code j < k} the table and row it reads, and how the k rows become the embedding.
 *
 * <p>Trainers concatenate the tables into one parameter matrix; {@link #globalRow(int, int)} is the row in
 * that matrix ({@link #tableOffset(int)} + row). Lookup j always reads table {@link #lookupTable(int)}, so
 * Bloom layouts have one table read k times and quotient-remainder has two tables read once each.
 *
 * <p>The maps live in primitive arrays (entity-major: {@code rows[e * k + j]}), computed once by the
 * compressor and only indexed afterwards, e.g. per minibatch through {@link #globalRows(int[], int[])}.
 *
 * <p>A layout is one of five variants, one per {@link LookupKind} ({@link #kind()}):
 * <ul>
 *   <li>{@link PlainRowsLayout}: k rows of weight 1, combined by {@link #combiner()} ({@code MEAN}, {@code SUM} or
 *       {@code PRODUCT});</li>
 *   <li>{@link WeightedRowsLayout}: k rows, each times a fixed weight ({@link #weight}: the hashing trick's signs),
 *       then combined;</li>
 *   <li>{@link TrainableWeightsLayout}: k rows, each times a weight the trainer learns with the model
 *       ({@link TrainableWeights}: hash embeddings' importance weights), then combined;</li>
 *   <li>{@link BlocksLayout}: k rows of {@code dimension / k} floats laid end to end (ROBE-Z's blocks; combiner
 *       {@link Combiner#CONCAT});</li>
 *   <li>{@link EncoderLayout}: an {@link EntityEncoder} network over hash features computes the embedding (DHE); no
 *       index maps.</li>
 * </ul>
 * The queries here hold for every variant; what only one variant has lives on it, reached through
 * {@link #asTrainableWeights()}, {@link #asBlocks()} and {@link #asEncoder()}, which refuse any other variant. A
 * trainer interprets a layout by a switch expression over {@link #kind()} without {@code default}, and refuses, with
 * a message, a kind it cannot train (or declares so in its capabilities) rather than reading it as another kind.
 *
 * <p>Compressors build layouts through the static factories ({@link #of}, {@link #blocks}, {@link #ofTrainable},
 * {@link #encoder}); the variants cannot be built or extended otherwise.
 */
public abstract sealed class EmbeddingLayout
        permits PlainRowsLayout, WeightedRowsLayout, TrainableWeightsLayout, BlocksLayout, EncoderLayout {

    private final String compressor;
    private final LayoutRequest request;
    private final int numEntities;
    private final int numLookups;
    private final int[] tableRows;
    private final long[] tableOffsets;
    private final int totalRows;
    private final int[] lookupTables;
    private final int[] rows; // null: an encoder (no row lookups)
    private final Combiner combiner;

    EmbeddingLayout(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables, int[] rows,
                    Combiner combiner) {
        this.compressor = compressor;
        this.request = request;
        this.numEntities = request.numEntities();
        this.numLookups = lookupTables.length;
        this.tableRows = tableRows;
        this.lookupTables = lookupTables;
        this.rows = rows;
        this.combiner = combiner;
        this.tableOffsets = new long[tableRows.length];
        long offset = 0;
        for (int t = 0; t < tableRows.length; t++) {
            tableOffsets[t] = offset;
            offset += tableRows[t];
        }
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layout of compressor '" + compressor + "' has " + offset
                    + " rows in all; at most " + Integer.MAX_VALUE + " are supported");
        }
        this.totalRows = (int) offset;
    }

    /**
     * Builds a layout of row lookups and takes ownership of the arrays (the caller must not modify them
     * afterwards): a {@link PlainRowsLayout} when {@code weights} is {@code null}, a {@link WeightedRowsLayout}
     * otherwise, or for {@link Combiner#CONCAT} a {@link BlocksLayout} (as {@link #blocks}).
     *
     * @param compressor   the compressor's name, reported with results and saved with models
     * @param request      the request this layout answers, saved with models so maps can be recomputed
     * @param tableRows    rows of each table, each at least 1
     * @param lookupTables for each lookup j, the table it reads; its length is k
     * @param rows         entity-major rows, {@code rows[e * k + j]} in {@code [0, tableRows[lookupTables[j]])}
     * @param weights      {@code null} (every weight 1) or entity-major weights of the same length as rows
     * @param combiner     how the k weighted rows combine
     * @throws IllegalArgumentException when sizes disagree or a row is out of range (a compressor bug)
     */
    public static EmbeddingLayout of(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables,
                                     int[] rows, float[] weights, Combiner combiner) {
        return checked(compressor, request, tableRows, lookupTables, rows, weights, combiner, null);
    }

    /**
     * A layout of k blocks laid end to end ({@link BlocksLayout}): lookup j of entity e reads row
     * {@code rows[e * k + j]} of table {@code lookupTables[j]}, a row of {@code dimension / k} floats, into elements
     * {@code [j * dimension / k, (j + 1) * dimension / k)} of the embedding. The same as {@link #of} with no weights
     * and {@link Combiner#CONCAT}; takes ownership of the arrays.
     *
     * @throws IllegalArgumentException when sizes disagree, a row is out of range or the request's dimension is not
     *                                  a multiple of k (a compressor bug)
     */
    public static BlocksLayout blocks(String compressor, LayoutRequest request, int[] tableRows, int[] lookupTables,
                                      int[] rows) {
        return checked(compressor, request, tableRows, lookupTables, rows, null, Combiner.CONCAT, null).asBlocks();
    }

    /**
     * As {@link #of}, with lookup weights that training learns, starting from {@code weights.initial()}: the
     * weight of lookup j of entity e is element j of weight row {@code weights.row(e)}
     * ({@link TrainableWeightsLayout}).
     *
     * @throws IllegalArgumentException when the weights do not cover every entity with k weights (a compressor bug)
     */
    public static EmbeddingLayout ofTrainable(String compressor, LayoutRequest request, int[] tableRows,
                                              int[] lookupTables, int[] rows, TrainableWeights weights,
                                              Combiner combiner) {
        Objects.requireNonNull(weights, "weights");
        if (weights.width() != lookupTables.length || weights.entities() != request.numEntities()) {
            throw new IllegalArgumentException("trainable weights cover " + weights.entities() + " entities with "
                    + weights.width() + " weights each; the layout has " + request.numEntities() + " entities and k="
                    + lookupTables.length);
        }
        return checked(compressor, request, tableRows, lookupTables, rows, null, combiner, weights);
    }

    /**
     * A layout whose embeddings {@code encoder} computes (no index maps; {@link EncoderLayout}). Its one table is
     * the encoder's packed parameters seen as {@code ceil(parameters / dimension)} rows of {@code request.dimension()}
     * floats.
     *
     * @throws IllegalArgumentException when the encoder's output width is not the request's dimension (a
     *                                  compressor bug)
     */
    public static EmbeddingLayout encoder(String compressor, LayoutRequest request, EntityEncoder encoder) {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(encoder, "encoder");
        int d = request.dimension();
        if (encoder.outputWidth() != d) {
            throw new IllegalArgumentException("compressor '" + compressor + "' built an encoder of output width "
                    + encoder.outputWidth() + " for dimension " + d);
        }
        int rows = (int) ((encoder.parameterCount() + d - 1) / d);
        return new EncoderLayout(compressor, request, new int[] {rows}, encoder);
    }

    private static EmbeddingLayout checked(String compressor, LayoutRequest request, int[] tableRows,
                                           int[] lookupTables, int[] rows, float[] weights, Combiner combiner,
                                           TrainableWeights trainable) {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(combiner, "combiner");
        int n = request.numEntities();
        int k = lookupTables.length;
        if (k < 1) {
            throw new IllegalArgumentException("a layout needs at least one lookup");
        }
        if (tableRows.length < 1) {
            throw new IllegalArgumentException("a layout needs at least one table");
        }
        for (int t = 0; t < tableRows.length; t++) {
            if (tableRows[t] < 1) {
                throw new IllegalArgumentException("table " + t + " has " + tableRows[t] + " rows; at least 1 needed");
            }
        }
        for (int j = 0; j < k; j++) {
            if (lookupTables[j] < 0 || lookupTables[j] >= tableRows.length) {
                throw new IllegalArgumentException("lookup " + j + " reads table " + lookupTables[j]
                        + " but the layout has " + tableRows.length + " tables");
            }
        }
        if ((long) n * k != rows.length) {
            throw new IllegalArgumentException("rows has " + rows.length + " entries; expected numEntities * k = "
                    + ((long) n * k));
        }
        boolean blocks = combiner == Combiner.CONCAT;
        if (blocks && request.dimension() % k != 0) {
            throw new IllegalArgumentException("compressor '" + compressor + "' concatenates " + k + " rows, but "
                    + "dimension " + request.dimension() + " is not a multiple of " + k);
        }
        if (blocks && (weights != null || trainable != null)) {
            throw new IllegalArgumentException("compressor '" + compressor + "': concatenated rows take no weights");
        }
        if (weights != null && weights.length != rows.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries; expected "
                    + rows.length);
        }
        int firstBad = IntStream.range(0, n).parallel().filter(e -> {
            for (int j = 0; j < k; j++) {
                int r = rows[e * k + j];
                if (r < 0 || r >= tableRows[lookupTables[j]]) {
                    return true;
                }
            }
            return false;
        }).findFirst().orElse(-1);
        if (firstBad >= 0) {
            throw new IllegalArgumentException("compressor '" + compressor + "' produced an out-of-range row for "
                    + "entity " + firstBad + ": " + Arrays.toString(Arrays.copyOfRange(rows, firstBad * k,
                    firstBad * k + k)) + " with tables of " + Arrays.toString(tableRows) + " rows");
        }
        int[] tables = tableRows.clone();
        int[] lookups = lookupTables.clone();
        if (blocks) {
            return new BlocksLayout(compressor, request, tables, lookups, rows);
        }
        if (trainable != null) {
            return new TrainableWeightsLayout(compressor, request, tables, lookups, rows, combiner, trainable);
        }
        return weights == null ? new PlainRowsLayout(compressor, request, tables, lookups, rows, combiner)
                : new WeightedRowsLayout(compressor, request, tables, lookups, rows, weights, combiner);
    }

    /** Which variant this layout is: switch over it (without {@code default}) to interpret the layout. */
    public abstract LookupKind kind();

    /**
     * This layout's trainable weights variant.
     *
     * @throws IllegalStateException when {@link #kind()} is not {@link LookupKind#TRAINABLE_WEIGHTS}
     */
    public TrainableWeightsLayout asTrainableWeights() {
        if (this instanceof TrainableWeightsLayout trainable) {
            return trainable;
        }
        throw notA(LookupKind.TRAINABLE_WEIGHTS);
    }

    /**
     * This layout's blocks variant.
     *
     * @throws IllegalStateException when {@link #kind()} is not {@link LookupKind#BLOCKS}
     */
    public BlocksLayout asBlocks() {
        if (this instanceof BlocksLayout blocks) {
            return blocks;
        }
        throw notA(LookupKind.BLOCKS);
    }

    /**
     * This layout's encoder variant.
     *
     * @throws IllegalStateException when {@link #kind()} is not {@link LookupKind#ENCODER}
     */
    public EncoderLayout asEncoder() {
        if (this instanceof EncoderLayout encoder) {
            return encoder;
        }
        throw notA(LookupKind.ENCODER);
    }

    /**
     * Whether lookups carry weights other than 1 (fixed or trainable).
     *
     * @deprecated kept so that code compiled against earlier versions links; switch on {@link #kind()} instead
     */
    @Deprecated
    public boolean hasWeights() {
        return switch (kind()) {
            case WEIGHTED_ROWS, TRAINABLE_WEIGHTS -> true;
            case PLAIN_ROWS, BLOCKS, ENCODER -> false;
        };
    }

    /**
     * Whether training learns the lookup weights.
     *
     * @deprecated kept so that code compiled against earlier versions links; switch on {@link #kind()} instead
     */
    @Deprecated
    public boolean hasTrainableWeights() {
        return kind() == LookupKind.TRAINABLE_WEIGHTS;
    }

    /**
     * The trainable lookup weights, or {@code null} when the weights are fixed.
     *
     * @deprecated kept so that code compiled against earlier versions links; use {@link #asTrainableWeights()}
     */
    @Deprecated
    public TrainableWeights trainableWeights() {
        return kind() == LookupKind.TRAINABLE_WEIGHTS ? asTrainableWeights().weights() : null;
    }

    /**
     * Whether this layout is an encoder network rather than row lookups.
     *
     * @deprecated kept so that code compiled against earlier versions links; switch on {@link #kind()} instead
     */
    @Deprecated
    public boolean isEncoder() {
        return kind() == LookupKind.ENCODER;
    }

    /**
     * The encoder that computes this layout's embeddings, or {@code null} for a layout of row lookups.
     *
     * @deprecated kept so that code compiled against earlier versions links; use {@link #asEncoder()}
     */
    @Deprecated
    public EntityEncoder encoder() {
        return kind() == LookupKind.ENCODER ? asEncoder().encoder() : null;
    }

    private IllegalStateException notA(LookupKind wanted) {
        return new IllegalStateException("layout of compressor '" + compressor + "' is " + kind().description()
                + ", not " + wanted.description() + ": switch on kind() before reading what only one kind has");
    }

    public String compressor() {
        return compressor;
    }

    /** The request this layout answers: with the compressor's name, all that is needed to rebuild it. */
    public LayoutRequest request() {
        return request;
    }

    public int numEntities() {
        return numEntities;
    }

    /** k: lookups per entity (1 for an encoder). */
    public int numLookups() {
        return numLookups;
    }

    public int numTables() {
        return tableRows.length;
    }

    /** Rows of table {@code table}. */
    public int tableRows(int table) {
        return tableRows[table];
    }

    /** Rows of each table (a copy). */
    public int[] tableRowCounts() {
        return tableRows.clone();
    }

    /** Rows of all tables together: the rows of the trainer's parameter matrix. */
    public int totalRows() {
        return totalRows;
    }

    /** The first row of {@code table} in the concatenation of all tables. */
    public int tableOffset(int table) {
        return (int) tableOffsets[table];
    }

    /** The table lookup {@code lookup} reads, for every entity. */
    public int lookupTable(int lookup) {
        return lookupTables[lookup];
    }

    /** The table entity {@code entity} reads at lookup {@code lookup}. */
    public int table(int entity, int lookup) {
        return lookupTables[lookup];
    }

    /**
     * The row (within its table) entity {@code entity} reads at lookup {@code lookup}.
     *
     * @throws IllegalStateException for an encoder, which has no row lookups
     */
    public int row(int entity, int lookup) {
        return lookupRows()[entity * numLookups + lookup];
    }

    /**
     * The row in the concatenation of all tables.
     *
     * @throws IllegalStateException for an encoder, which has no row lookups
     */
    public int globalRow(int entity, int lookup) {
        return (int) tableOffsets[lookupTables[lookup]] + lookupRows()[entity * numLookups + lookup];
    }

    private int[] lookupRows() {
        if (rows == null) {
            throw new IllegalStateException("layout of compressor '" + compressor + "' is an encoder: it has no row "
                    + "lookups (see asEncoder())");
        }
        return rows;
    }

    /**
     * The weight of lookup {@code lookup} of {@code entity}: the fixed weight of {@link WeightedRowsLayout}, the
     * value training starts from for {@link TrainableWeightsLayout}, 1 for every other kind.
     */
    public float weight(int entity, int lookup) {
        return 1f;
    }

    /**
     * How the k (weighted) rows combine: {@code MEAN}, {@code SUM} or {@code PRODUCT} for row layouts,
     * {@link Combiner#CONCAT} for {@link BlocksLayout}, {@code SUM} (unused) for {@link EncoderLayout}. Saved with
     * models and shown with layouts.
     */
    public Combiner combiner() {
        return combiner;
    }

    /**
     * Fills {@code dst[i * k + j]} with the global row of lookup j of {@code entities[i]}: one call per minibatch.
     *
     * @throws IllegalStateException for an encoder, which has no row lookups
     */
    public void globalRows(int[] entities, int[] dst) {
        int[] rows = lookupRows();
        int k = numLookups;
        if (dst.length < entities.length * k) {
            throw new IllegalArgumentException("dst holds " + dst.length + " rows; needs " + entities.length * k);
        }
        for (int i = 0; i < entities.length; i++) {
            int base = entities[i] * k;
            for (int j = 0; j < k; j++) {
                dst[i * k + j] = (int) tableOffsets[lookupTables[j]] + rows[base + j];
            }
        }
    }

    /** Fills {@code dst[i * k + j]} with the {@linkplain #weight weight} of lookup j of {@code entities[i]}. */
    public void weights(int[] entities, float[] dst) {
        int k = numLookups;
        for (int i = 0; i < entities.length; i++) {
            for (int j = 0; j < k; j++) {
                dst[i * k + j] = weight(entities[i], j);
            }
        }
    }

    /**
     * Trainable floats for embeddings of {@code dimension}: all table rows times their {@linkplain #rowWidth width},
     * plus trainable lookup weights; for an encoder, the network's weights and biases.
     */
    public long parameterCount(int dimension) {
        return (long) totalRows() * rowWidth(dimension);
    }

    /** Floats per table row for embeddings of {@code dimension}: the dimension, or a block of it for blocks. */
    public int rowWidth(int dimension) {
        return dimension;
    }

    /** Bytes of the float32 tables for embeddings of {@code dimension}. */
    public long parameterBytes(int dimension) {
        return parameterCount(dimension) * Float.BYTES;
    }

    /** Bytes of the index maps (and weights) kept beside the tables. */
    public long indexBytes() {
        return (long) rows.length * Integer.BYTES;
    }

    /**
     * Rows per entity actually reached: {@code totalRows / numEntities} (may differ from the requested ratio); for
     * layouts with trainable weights, blocks or an encoder, {@link #parameterCount} at the request's dimension over
     * {@code numEntities * dimension}, so every parameter counts against the ratio.
     */
    public double achievedRatio() {
        return switch (kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> (double) totalRows() / numEntities;
            case TRAINABLE_WEIGHTS, BLOCKS, ENCODER -> {
                int d = request.dimension();
                yield (double) parameterCount(d) / ((double) numEntities * d);
            }
        };
    }

    @Override
    public String toString() {
        String variant = switch (kind()) {
            case PLAIN_ROWS, BLOCKS -> "";
            case WEIGHTED_ROWS -> ", weighted";
            case TRAINABLE_WEIGHTS -> ", trainable weights";
            case ENCODER -> ", " + asEncoder().encoder();
        };
        return "EmbeddingLayout[" + compressor + ", entities=" + numEntities + ", k=" + numLookups + ", tables="
                + Arrays.toString(tableRows) + ", combiner=" + combiner + variant + "]";
    }
}
