package io.bloomfit.api.embed;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The immutable index map of a compressed embedding: one or more tables of rows, and for each entity
 * {@code e} and lookup {@code j < k} the table and row it reads, an optional weight (a sign for the hashing
 * trick), and how the k weighted rows combine.
 *
 * <p>Trainers concatenate the tables into one parameter matrix; {@link #globalRow(int, int)} is the row in
 * that matrix ({@link #tableOffset(int)} + row). Lookup j always reads table {@link #lookupTable(int)}, so
 * Bloom layouts have one table read k times and quotient-remainder has two tables read once each.
 *
 * <p>The maps live in primitive arrays (entity-major: {@code rows[e * k + j]}), computed once by the
 * compressor and only indexed afterwards, e.g. per minibatch through {@link #globalRows(int[], int[])}.
 *
 * <p>Two extensions keep every layout above unchanged: lookup weights may be {@link TrainableWeights} (learned with
 * the model, as hash embeddings' importance weights; {@link #ofTrainable}) instead of fixed, and a layout may be an
 * {@link EntityEncoder} (a network over hash features, DHE; {@link #encoder}) instead of row lookups. An encoder
 * layout has no index maps: its one "table" is the network's packed parameters viewed as
 * {@code ceil(parameters / dimension)} rows of the dimension, so that trainers size, save and count it like any
 * table, and {@link #row}, {@link #globalRow} and {@link #globalRows} refuse it.
 */
public final class EmbeddingLayout {

    private final String compressor;
    private final LayoutRequest request;
    private final int numEntities;
    private final int numLookups;
    private final int[] tableRows;
    private final long[] tableOffsets;
    private final int totalRows;
    private final int[] lookupTables;
    private final int[] rows;
    private final float[] weights;
    private final Combiner combiner;
    private final TrainableWeights trainable; // null: weights fixed
    private final EntityEncoder encoder;      // null: row lookups

    private EmbeddingLayout(String compressor, LayoutRequest request, int numEntities, int[] tableRows,
                            int[] lookupTables, int[] rows, float[] weights, Combiner combiner,
                            TrainableWeights trainable, EntityEncoder encoder) {
        this.compressor = compressor;
        this.request = request;
        this.numEntities = numEntities;
        this.numLookups = lookupTables.length;
        this.tableRows = tableRows;
        this.lookupTables = lookupTables;
        this.rows = rows;
        this.weights = weights;
        this.combiner = combiner;
        this.trainable = trainable;
        this.encoder = encoder;
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
     * Builds a layout and takes ownership of the arrays (the caller must not modify them afterwards).
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
     * As {@link #of}, with lookup weights that training learns, starting from {@code weights.initial()}: the
     * weight of lookup j of entity e is element j of weight row {@code weights.row(e)}.
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
     * A layout whose embeddings {@code encoder} computes (no index maps). Its one table is the encoder's packed
     * parameters seen as {@code ceil(parameters / dimension)} rows of {@code request.dimension()} floats.
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
        return new EmbeddingLayout(compressor, request, request.numEntities(), new int[] {rows}, new int[] {0}, null,
                null, Combiner.SUM, null, encoder);
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
        if (combiner == Combiner.CONCAT && request.dimension() % k != 0) {
            throw new IllegalArgumentException("compressor '" + compressor + "' concatenates " + k + " rows, but "
                    + "dimension " + request.dimension() + " is not a multiple of " + k);
        }
        if (combiner == Combiner.CONCAT && (weights != null || trainable != null)) {
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
        return new EmbeddingLayout(compressor, request, n, tableRows.clone(), lookupTables.clone(), rows, weights,
                combiner, trainable, null);
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

    /** k: lookups per entity. */
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

    /** The row (within its table) entity {@code entity} reads at lookup {@code lookup}. */
    public int row(int entity, int lookup) {
        return lookupRows()[entity * numLookups + lookup];
    }

    /** The row in the concatenation of all tables. */
    public int globalRow(int entity, int lookup) {
        return (int) tableOffsets[lookupTables[lookup]] + lookupRows()[entity * numLookups + lookup];
    }

    private int[] lookupRows() {
        if (rows == null) {
            throw new IllegalStateException("layout of compressor '" + compressor + "' is an encoder: it has no row "
                    + "lookups (see encoder())");
        }
        return rows;
    }

    /** Whether lookups carry weights other than 1 (fixed or trainable). */
    public boolean hasWeights() {
        return weights != null || trainable != null;
    }

    /**
     * The weight of lookup {@code lookup} of {@code entity}: 1 unless the compressor gives weights; for trainable
     * weights, the value training starts from.
     */
    public float weight(int entity, int lookup) {
        if (trainable != null) {
            return trainable.initial(trainable.row(entity), lookup);
        }
        return weights == null ? 1f : weights[entity * numLookups + lookup];
    }

    /** Whether training learns the lookup weights ({@link #trainableWeights()}). */
    public boolean hasTrainableWeights() {
        return trainable != null;
    }

    /** The trainable lookup weights, or {@code null} when the weights are fixed. */
    public TrainableWeights trainableWeights() {
        return trainable;
    }

    /** Whether this layout is an encoder network rather than row lookups ({@link #encoder()}). */
    public boolean isEncoder() {
        return encoder != null;
    }

    /** The encoder that computes this layout's embeddings, or {@code null} for a layout of row lookups. */
    public EntityEncoder encoder() {
        return encoder;
    }

    public Combiner combiner() {
        return combiner;
    }

    /**
     * Fills {@code dst[i * k + j]} with the global row of lookup j of {@code entities[i]}: one call per minibatch.
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

    /** Fills {@code dst[i * k + j]} with the weight of lookup j of {@code entities[i]}. */
    public void weights(int[] entities, float[] dst) {
        int k = numLookups;
        for (int i = 0; i < entities.length; i++) {
            for (int j = 0; j < k; j++) {
                dst[i * k + j] = weight(entities[i], j);
            }
        }
    }

    /**
     * Trainable floats for embeddings of {@code dimension}: all table rows times the dimension, plus trainable
     * lookup weights; for an encoder, the network's weights and biases.
     */
    public long parameterCount(int dimension) {
        if (encoder != null) {
            return encoder.parameterCount();
        }
        return (long) totalRows() * combiner.rowWidth(dimension, numLookups)
                + (trainable == null ? 0 : trainable.parameterCount());
    }

    /** Floats per table row for embeddings of {@code dimension}: the dimension, or a block of it for CONCAT. */
    public int rowWidth(int dimension) {
        return combiner.rowWidth(dimension, numLookups);
    }

    /** Bytes of the float32 tables for embeddings of {@code dimension}. */
    public long parameterBytes(int dimension) {
        return parameterCount(dimension) * Float.BYTES;
    }

    /** Bytes of the index maps (and weights) kept beside the tables. */
    public long indexBytes() {
        if (rows == null) {
            return 0;
        }
        return (long) rows.length * Integer.BYTES + (weights == null ? 0 : (long) weights.length * Float.BYTES)
                + (trainable == null ? 0 : trainable.indexBytes());
    }

    /**
     * Rows per entity actually reached: {@code totalRows / numEntities} (may differ from the requested ratio); for
     * layouts with trainable weights or an encoder, {@link #parameterCount} at the request's dimension over
     * {@code numEntities * dimension}, so every parameter counts against the ratio.
     */
    public double achievedRatio() {
        if (trainable == null && encoder == null && combiner != Combiner.CONCAT) {
            return (double) totalRows() / numEntities;
        }
        int d = request.dimension();
        return (double) parameterCount(d) / ((double) numEntities * d);
    }

    @Override
    public String toString() {
        return "EmbeddingLayout[" + compressor + ", entities=" + numEntities + ", k=" + numLookups + ", tables="
                + Arrays.toString(tableRows) + ", combiner=" + combiner + (weights == null ? "" : ", weighted")
                + (trainable == null ? "" : ", trainable weights") + (encoder == null ? "" : ", " + encoder) + "]";
    }
}
