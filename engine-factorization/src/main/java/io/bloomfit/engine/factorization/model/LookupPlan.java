package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;

/**
 * How one parameter table is read: for each entity, k rows (with optional weights) combined by a
 * {@link Combiner}. Vectors always follow the side's {@link EmbeddingLayout}; biases either follow it too
 * ({@code compressBiases}) or are full-size (one row per entity), which is {@link #identity(int)}.
 */
public final class LookupPlan {

    private final EmbeddingLayout layout; // null: identity
    private final int rows;
    private final int lookups;

    private LookupPlan(EmbeddingLayout layout, int rows, int lookups) {
        this.layout = layout;
        this.rows = rows;
        this.lookups = lookups;
    }

    public static LookupPlan of(EmbeddingLayout layout) {
        return new LookupPlan(layout, layout.totalRows(), layout.numLookups());
    }

    /** One row per entity, read once with weight 1. */
    public static LookupPlan identity(int entities) {
        return new LookupPlan(null, entities, 1);
    }

    /** Rows of the table this plan reads. */
    public int rows() {
        return rows;
    }

    /** k: rows read per entity. */
    public int lookups() {
        return lookups;
    }

    public boolean weighted() {
        return layout != null && layout.hasWeights();
    }

    public Combiner combiner() {
        return layout == null ? Combiner.SUM : layout.combiner();
    }

    /** The rows of {@code entities}: {@code result[i * k + j]}. */
    public int[] rowsOf(int[] entities) {
        if (layout == null) {
            return entities.clone();
        }
        int[] dst = new int[entities.length * lookups];
        layout.globalRows(entities, dst);
        return dst;
    }

    /** The weights of {@code entities}, or {@code null} when every weight is 1. */
    public float[] weightsOf(int[] entities) {
        if (!weighted()) {
            return null;
        }
        float[] dst = new float[entities.length * lookups];
        layout.weights(entities, dst);
        return dst;
    }

    /**
     * Combines the rows of {@code entity} from {@code table} (rows of {@code width} floats) into
     * {@code out[outOffset..outOffset+width)}, exactly as the training graph does: weight, then sum, mean or
     * product over the k lookups.
     */
    public void combine(float[] table, int width, int entity, float[] out, int outOffset) {
        if (layout == null) {
            System.arraycopy(table, entity * width, out, outOffset, width);
            return;
        }
        int[] rows = new int[lookups];
        float[] weights = new float[lookups];
        for (int j = 0; j < lookups; j++) {
            rows[j] = layout.globalRow(entity, j);
            weights[j] = layout.weight(entity, j);
        }
        combineRows(layout.combiner(), lookups, table, width, rows, weights, 0, out, outOffset);
    }

    /**
     * Combines k rows of {@code width} floats of {@code table}, row {@code rows[at + j]} weighted by
     * {@code weights[at + j]} (1 when {@code weights} is null), into {@code out[outAt..outAt+width)}: weight, then
     * sum, mean or product, as the training graph does. Shared by scoring and the fused sparse step.
     */
    public static void combineRows(Combiner combiner, int k, float[] table, int width, int[] rows, float[] weights, int at,
                            float[] out, int outAt) {
        for (int j = 0; j < k; j++) {
            int base = rows[at + j] * width;
            float w = weights == null ? 1f : weights[at + j];
            for (int d = 0; d < width; d++) {
                float v = w * table[base + d];
                if (j == 0) {
                    out[outAt + d] = v;
                } else if (combiner == Combiner.PRODUCT) {
                    out[outAt + d] *= v;
                } else {
                    out[outAt + d] += v;
                }
            }
        }
        if (combiner == Combiner.MEAN && k > 1) {
            for (int d = 0; d < width; d++) {
                out[outAt + d] /= k;
            }
        }
    }

    /**
     * The gradient with respect to row {@code rows[at + j]} (lookup j of an entity combined by
     * {@link #combineRows}) of a loss whose gradient with respect to the combined embedding is
     * {@code embeddingGradient[gradientAt..+width)}, written into {@code out[outAt..outAt+width)}: the chain rule
     * through weight and sum ({@code w_j}), mean ({@code w_j / k}) or product ({@code w_j} times the other weighted
     * rows, element-wise).
     */
    public static void rowGradient(Combiner combiner, int k, float[] table, int width, int[] rows, float[] weights,
                                   int at, int j, float[] embeddingGradient, int gradientAt, float[] out, int outAt) {
        float w = (weights == null ? 1f : weights[at + j]) * (combiner == Combiner.MEAN ? 1f / k : 1f);
        if (combiner == Combiner.PRODUCT && k > 1) {
            for (int c = 0; c < width; c++) {
                float others = 1f;
                for (int l = 0; l < k; l++) {
                    if (l != j) {
                        others *= (weights == null ? 1f : weights[at + l]) * table[rows[at + l] * width + c];
                    }
                }
                out[outAt + c] = w * others * embeddingGradient[gradientAt + c];
            }
        } else {
            for (int c = 0; c < width; c++) {
                out[outAt + c] = w * embeddingGradient[gradientAt + c];
            }
        }
    }
}
