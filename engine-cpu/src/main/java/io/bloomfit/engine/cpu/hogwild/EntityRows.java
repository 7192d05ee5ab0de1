package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.model.LookupPlan;

/**
 * Every entity's k rows and weights of one {@link LookupPlan}, resolved once per fit (one array read per lookup
 * afterwards, instead of the layout's per-call arithmetic), with the plan's combiner: the forward combination and
 * the chain rule back to the rows are {@link LookupPlan}'s own, so the model is the one every trainer trains.
 */
final class EntityRows {

    private final int[] rows;
    private final float[] weights; // null: every weight is 1
    private final int k;
    private final Combiner combiner;

    private EntityRows(int[] rows, float[] weights, int k, Combiner combiner) {
        this.rows = rows;
        this.weights = weights;
        this.k = k;
        this.combiner = combiner;
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
