package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.model.LookupPlan;

/**
 * Every entity's k rows and weights of one {@link LookupPlan}, resolved once per fit (one array read per lookup
 * afterwards, instead of the layout's per-call arithmetic), with the plan's combiner: the forward combination and
 * the chain rule back to the rows are {@link LookupPlan}'s own, so the model is the one every trainer trains.
 */
final class EntityRows {

    /** Floats per 64-byte cache line. */
    private static final int LINE_FLOATS = 16;

    private final int[] rows;
    private final float[] weights; // null: every weight is 1
    private final int k;
    private final Combiner combiner;
    private final float combinerScale; // 1 / k for MEAN, else 1: as LookupPlan.rowGradient computes it

    private EntityRows(int[] rows, float[] weights, int k, Combiner combiner) {
        this.rows = rows;
        this.weights = weights;
        this.k = k;
        this.combiner = combiner;
        this.combinerScale = combiner == Combiner.MEAN ? 1f / k : 1f;
    }

    /** The rows of entities {@code 0 .. entities - 1} read through {@code plan}. */
    static EntityRows of(LookupPlan plan, int entities) {
        int[] all = new int[entities];
        for (int e = 0; e < entities; e++) {
            all[e] = e;
        }
        return new EntityRows(plan.rowsOf(all), plan.weightsOf(all), plan.lookups(), plan.combiner());
    }

    /** k: rows per entity. */
    int lookups() {
        return k;
    }

    /**
     * Whether the combination is linear in each row ({@code SUM}, {@code MEAN}, or one lookup): then a row's
     * gradient is the embedding's gradient times {@link #scale}, whatever the rows' values, so it needs no buffer
     * and can be applied while the entity's other rows are still to be updated.
     */
    boolean linear() {
        return combiner == Combiner.SUM || combiner == Combiner.MEAN || (k == 1 && combiner != Combiner.CONCAT);
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

    /** Combines {@code entity}'s rows of {@code table} ({@code width} floats each) into {@code out[at..]}. */
    void combine(int entity, float[] table, int width, float[] out, int at) {
        if (k == 1 && weights == null) {
            System.arraycopy(table, rows[entity] * width, out, at, width);
            return;
        }
        LookupPlan.combineRows(combiner, k, table, width, rows, weights, entity * k, out, at);
    }

    /**
     * Writes into {@code out[outAt..]} the gradient with respect to lookup {@code j}'s row of {@code entity}, given
     * the gradient {@code embeddingGradient[gradientAt..]} of the combined embedding.
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
