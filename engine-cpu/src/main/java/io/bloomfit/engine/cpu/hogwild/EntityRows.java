package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.model.LookupPlan;

/**
 * Every entity's k rows and weights of one {@link LookupPlan}, resolved once per fit (one array read per lookup
 * afterwards, instead of the layout's per-call arithmetic), with the plan's combiner: the forward combination and
 * the chain rule back to the rows are {@link LookupPlan}'s own, so the model is the one every trainer trains.
 * Where the plan's weights are trained (hash embeddings), an entity's weights live in the fit's weight table, at
 * the entity's {@link #weightRow}, and change as it trains: such a table is read through {@link #gather} instead.
 * Blocks ({@code CONCAT}, ROBE) are {@code width / k} floats each.
 */
final class EntityRows {

    /** Floats per 64-byte cache line. */
    private static final int LINE_FLOATS = 16;

    private final int[] rows;
    private final float[] weights; // null: every weight is 1, or the weights are trained
    private final int[] weightRows; // null: weights fixed; else entity e's weights are row weightRows[e] (k floats)
    private final int k;
    private final Combiner combiner;
    private final float combinerScale; // 1 / k for MEAN, else 1: as LookupPlan.rowGradient computes it
    private final boolean linear; // see linear()

    private EntityRows(int[] rows, float[] weights, int[] weightRows, int k, Combiner combiner, boolean linear) {
        this.rows = rows;
        this.weights = weights;
        this.weightRows = weightRows;
        this.k = k;
        this.combiner = combiner;
        this.combinerScale = combiner == Combiner.MEAN ? 1f / k : 1f;
        this.linear = linear;
    }

    /**
     * The rows of entities {@code 0 .. entities - 1} read through {@code plan}.
     *
     * @throws IllegalStateException for an encoder plan: hogwild's capabilities leave out encoders, so a fit of one
     *                               never reaches here
     */
    static EntityRows of(LookupPlan plan, int entities) {
        int[] all = new int[entities];
        for (int e = 0; e < entities; e++) {
            all[e] = e;
        }
        int k = plan.lookups();
        Combiner combiner = plan.combiner();
        // linear in each row: SUM, MEAN or one lookup, with fixed weights (blocks: never, even of one lookup)
        boolean sumsRows = combiner == Combiner.SUM || combiner == Combiner.MEAN || k == 1;
        return switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> new EntityRows(plan.rowsOf(all), plan.weightsOf(all), null, k,
                    combiner, sumsRows);
            case BLOCKS -> new EntityRows(plan.rowsOf(all), plan.weightsOf(all), null, k, combiner, false);
            case TRAINABLE_WEIGHTS -> new EntityRows(plan.rowsOf(all), null, plan.weightRowsOf(all), k, combiner,
                    false);
            case ENCODER -> throw new IllegalStateException("hogwild trains row lookups only, not the encoder "
                    + "network " + plan.encoder() + " (its capabilities refuse encoders before a fit starts)");
        };
    }

    /** k: rows per entity. */
    int lookups() {
        return k;
    }

    Combiner combiner() {
        return combiner;
    }

    /** Whether the weights are trained: then {@link #gather} reads them, and {@link #combine} must not be used. */
    boolean trainable() {
        return weightRows != null;
    }

    /** The row of {@code entity}'s k weights in the weight table (trained weights only). */
    int weightRow(int entity) {
        return weightRows[entity];
    }

    /** Floats per table row for embeddings of {@code width}: {@code width / k} for blocks, else width. */
    int rowWidth(int width) {
        return combiner.rowWidth(width, k);
    }

    /**
     * Copies {@code entity}'s k rows into {@code rowsOut[0..k)} and its current weights, read from
     * {@code weightTable} (rows of k floats), into {@code weightsOut[0..k)}, for {@link LookupPlan}'s helpers.
     */
    void gather(int entity, float[] weightTable, int[] rowsOut, float[] weightsOut) {
        System.arraycopy(rows, entity * k, rowsOut, 0, k);
        System.arraycopy(weightTable, weightRows[entity] * k, weightsOut, 0, k);
    }

    /**
     * Whether the combination is linear in each row ({@code SUM}, {@code MEAN}, or one lookup): then a row's
     * gradient is the embedding's gradient times {@link #scale}, whatever the rows' values, so it needs no buffer
     * and can be applied while the entity's other rows are still to be updated.
     */
    boolean linear() {
        return linear;
    }

    /**
     * The factor from the embedding's gradient to lookup {@code j}'s row gradient of {@code entity} for a
     * {@link #linear()} combination: {@code w_j}, or {@code w_j / k} for {@code MEAN}, the very float
     * {@link LookupPlan#rowGradient} multiplies by.
     */
    float scale(int entity, int j) {
        return (weights == null ? 1f : weights[entity * k + j]) * combinerScale;
    }

    /**
     * Reads one float of every cache line of {@code entity}'s rows of {@code table} ({@code width} floats each) and
     * returns their sum, which the caller must keep (else the reads may be optimised away). The reads do not depend
     * on one another, so the CPU keeps all these cache misses in flight at once; the combination that follows
     * finds the rows in cache instead of waiting for each miss in turn (Java has no prefetch instruction; this is
     * the portable equivalent).
     */
    float touch(int entity, float[] table, int width) {
        float acc = 0;
        int at = entity * k;
        for (int j = 0; j < k; j++) {
            int base = rows[at + j] * width;
            for (int f = 0; f < width; f += LINE_FLOATS) {
                acc += table[base + f];
            }
            acc += table[base + width - 1]; // a row need not start on a line boundary
        }
        return acc;
    }

    /** Reads {@code entity}'s first row number (bringing its row numbers into cache) and returns it. */
    int touchRowNumbers(int entity) {
        return rows[entity * k];
    }

    /** Row of lookup {@code j} of {@code entity}. */
    int row(int entity, int j) {
        return rows[entity * k + j];
    }

    /**
     * Combines {@code entity}'s rows of {@code table} into the embedding of {@code width} floats at
     * {@code out[at..]} (fixed weights only).
     */
    void combine(int entity, float[] table, int width, float[] out, int at) {
        if (k == 1 && weights == null) {
            System.arraycopy(table, rows[entity] * width, out, at, width);
            return;
        }
        LookupPlan.combineRows(combiner, k, table, rowWidth(width), rows, weights, entity * k, out, at);
    }

    /**
     * Writes into {@code out[outAt..]} the gradient with respect to lookup {@code j}'s row of {@code entity}
     * ({@code width} floats: the table's row width), given the gradient {@code embeddingGradient[gradientAt..]} of
     * the combined embedding (fixed weights only).
     */
    void rowGradient(int entity, int j, float[] table, int width, float[] embeddingGradient, int gradientAt,
                     float[] out, int outAt) {
        if (k == 1 && weights == null) {
            System.arraycopy(embeddingGradient, gradientAt, out, outAt, width);
            return;
        }
        LookupPlan.rowGradient(combiner, k, table, width, rows, weights, entity * k, j, embeddingGradient,
                gradientAt, out, outAt);
    }
}
