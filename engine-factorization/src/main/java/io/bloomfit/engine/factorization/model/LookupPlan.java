package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.embed.TrainableWeights;

/**
 * How one parameter table is read: for each entity, k rows (with optional weights) combined by a
 * {@link Combiner}. Vectors always follow the side's {@link EmbeddingLayout}; biases either follow it too
 * ({@code compressBiases}) or are full-size (one row per entity), which is {@link #identity(int)}.
 *
 * <p>The plan is where the engine-neutral code interprets a layout: its {@link #kind()} is the layout's
 * {@link LookupKind} (plain rows for the identity), and every question that depends on it is answered here by an
 * exhaustive switch, so the fused sparse step, the Java model, ONNX export and hogwild ask the plan, never the
 * layout. A plan of {@link LookupKind#TRAINABLE_WEIGHTS} reads its weights from the side's weight table
 * ({@link TableId#weights()}) through {@link #weightRowsOf}; an {@link LookupKind#ENCODER} plan has no row lookups
 * at all: its table is the network's packed parameters ({@link EncoderNetwork}).
 */
public final class LookupPlan {

    private final EmbeddingLayout layout; // null: identity
    private final LookupKind kind;
    private final int rows;
    private final int lookups;

    private LookupPlan(EmbeddingLayout layout, LookupKind kind, int rows, int lookups) {
        this.layout = layout;
        this.kind = kind;
        this.rows = rows;
        this.lookups = lookups;
    }

    public static LookupPlan of(EmbeddingLayout layout) {
        return new LookupPlan(layout, layout.kind(), layout.totalRows(), layout.numLookups());
    }

    /** One row per entity, read once with weight 1: plain rows. */
    public static LookupPlan identity(int entities) {
        return new LookupPlan(null, LookupKind.PLAIN_ROWS, entities, 1);
    }

    /** How this plan reads an embedding: its layout's kind, or plain rows for the identity. */
    public LookupKind kind() {
        return kind;
    }

    /** Entities this plan reads for. */
    public int entities() {
        return layout == null ? rows : layout.numEntities();
    }

    /** Rows of the table this plan reads. */
    public int rows() {
        return rows;
    }

    /** k: rows read per entity. */
    public int lookups() {
        return lookups;
    }

    /**
     * Whether biases can be read through this plan (one float per row, combined as the vectors are): for plain or
     * weighted rows; trainable weights, blocks and encoders have no bias form.
     */
    public boolean hasBiasForm() {
        return switch (kind) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> true;
            case TRAINABLE_WEIGHTS, BLOCKS, ENCODER -> false;
        };
    }

    /** Rows of this plan's weight table: the trainable weights' rows, or 0. */
    public int weightRows() {
        return switch (kind) {
            case TRAINABLE_WEIGHTS -> trainableWeights().rows();
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS, ENCODER -> 0;
        };
    }

    /**
     * The weight rows of {@code entities}.
     *
     * @throws IllegalStateException unless this plan's weights are trainable
     */
    public int[] weightRowsOf(int[] entities) {
        int[] dst = new int[entities.length];
        trainableWeights().rows(entities, dst);
        return dst;
    }

    /**
     * The factor on the fit's learning rate for the weight table ({@link TrainableWeights#learningRateScale()}); 1
     * when the weights are fixed.
     */
    public double weightLearningRateScale() {
        return switch (kind) {
            case TRAINABLE_WEIGHTS -> trainableWeights().learningRateScale();
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS, ENCODER -> 1.0;
        };
    }

    /** The starting values of the weight table ({@code weightRows() * lookups()}), empty when weights are fixed. */
    public float[] initialWeights() {
        return switch (kind) {
            case TRAINABLE_WEIGHTS -> trainableWeights().initial();
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS, ENCODER -> new float[0];
        };
    }

    private TrainableWeights trainableWeights() {
        return layout().asTrainableWeights().weights();
    }

    /**
     * The encoder of this plan.
     *
     * @throws IllegalStateException unless this plan's kind is {@link LookupKind#ENCODER}
     */
    public EntityEncoder encoder() {
        return layout().asEncoder().encoder();
    }

    private EmbeddingLayout layout() {
        if (layout == null) {
            throw new IllegalStateException("the identity plan reads plain rows: it has no trainable weights and "
                    + "no encoder");
        }
        return layout;
    }

    /** Floats per row of this plan's table for embeddings (or biases) of {@code width}. */
    public int rowWidth(int width) {
        return layout == null ? width : layout.rowWidth(width);
    }

    /**
     * Floats of one combined embedding read from rows of {@code rowWidth} floats: k of them laid end to end for
     * blocks, else one row's width.
     *
     * @throws IllegalStateException for an encoder, whose output is not made of rows
     */
    public int embeddingWidth(int rowWidth) {
        return switch (kind) {
            case PLAIN_ROWS, WEIGHTED_ROWS, TRAINABLE_WEIGHTS -> rowWidth;
            case BLOCKS -> rowWidth * lookups;
            case ENCODER -> throw new IllegalStateException("an encoder's embedding is the network's output, not "
                    + "rows: " + encoder());
        };
    }

    public Combiner combiner() {
        return layout == null ? Combiner.SUM : layout.combiner();
    }

    /** The rows of {@code entities}: {@code result[i * k + j]} (not for an encoder, which has none). */
    public int[] rowsOf(int[] entities) {
        if (layout == null) {
            return entities.clone();
        }
        int[] dst = new int[entities.length * lookups];
        layout.globalRows(entities, dst);
        return dst;
    }

    /**
     * The fixed weights of {@code entities} ({@code result[i * k + j]}), or {@code null} when every weight is 1;
     * for trainable weights the values training starts from (trainers read the weight table instead).
     */
    public float[] weightsOf(int[] entities) {
        boolean weighted = switch (kind) {
            case WEIGHTED_ROWS, TRAINABLE_WEIGHTS -> true;
            case PLAIN_ROWS, BLOCKS, ENCODER -> false;
        };
        if (!weighted) {
            return null;
        }
        float[] dst = new float[entities.length * lookups];
        layout.weights(entities, dst);
        return dst;
    }

    /**
     * Combines the rows of {@code entity} from {@code table} (rows of {@code rowWidth} floats) into
     * {@code out[outOffset..)}, exactly as the training graph does: weight, then sum, mean, product or
     * concatenation over the k lookups; weights fixed by the layout. Not for encoder plans ({@link EncoderNetwork}).
     */
    public void combine(float[] table, int rowWidth, int entity, float[] out, int outOffset) {
        combine(table, null, rowWidth, entity, out, outOffset);
    }

    /**
     * As {@link #combine(float[], int, int, float[], int)}, reading trainable lookup weights from
     * {@code trainedWeights} (the side's weight table).
     */
    public void combine(float[] table, float[] trainedWeights, int rowWidth, int entity, float[] out,
                        int outOffset) {
        if (layout == null) {
            System.arraycopy(table, entity * rowWidth, out, outOffset, rowWidth);
            return;
        }
        int[] rows = new int[lookups];
        float[] weights = new float[lookups];
        int weightRow = switch (kind) {
            case TRAINABLE_WEIGHTS -> trainableWeights().row(entity);
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS -> -1;
            case ENCODER -> throw new IllegalStateException("an encoder plan has no rows to combine: " + encoder());
        };
        for (int j = 0; j < lookups; j++) {
            rows[j] = layout.globalRow(entity, j);
            weights[j] = weightRow >= 0 ? trainedWeights[weightRow * lookups + j] : layout.weight(entity, j);
        }
        combineRows(layout.combiner(), lookups, table, rowWidth, rows, weights, 0, out, outOffset);
    }

    /**
     * Combines k rows of {@code width} floats of {@code table}, row {@code rows[at + j]} weighted by
     * {@code weights[at + j]} (1 when {@code weights} is null), into {@code out[outAt..)}: weight, then sum, mean or
     * product into {@code width} floats, or, for {@link Combiner#CONCAT}, row j into
     * {@code out[outAt + j * width ..)} ({@code k * width} floats), as the training graph does. Shared by scoring and
     * the fused sparse step.
     */
    public static void combineRows(Combiner combiner, int k, float[] table, int width, int[] rows, float[] weights, int at,
                            float[] out, int outAt) {
        if (combiner == Combiner.CONCAT) {
            for (int j = 0; j < k; j++) {
                float w = weights == null ? 1f : weights[at + j];
                int base = rows[at + j] * width;
                int o = outAt + j * width;
                for (int d = 0; d < width; d++) {
                    out[o + d] = w * table[base + d];
                }
            }
            return;
        }
        if (k == 0) {
            return;
        }
        if (combiner != Combiner.PRODUCT && k <= 4) {
            sumRows(combiner == Combiner.MEAN, k, table, width, rows, weights, at, out, outAt);
            return;
        }
        // lookup 0 sets, the others multiply or add, in lookup order: one branch-free loop per lookup, the same
        // arithmetic in the same order as one loop with the choice inside
        int first = rows[at] * width;
        float w0 = weights == null ? 1f : weights[at];
        for (int d = 0; d < width; d++) {
            out[outAt + d] = w0 * table[first + d];
        }
        boolean product = combiner == Combiner.PRODUCT;
        for (int j = 1; j < k; j++) {
            int base = rows[at + j] * width;
            float w = weights == null ? 1f : weights[at + j];
            if (product) {
                for (int d = 0; d < width; d++) {
                    out[outAt + d] *= w * table[base + d];
                }
            } else {
                for (int d = 0; d < width; d++) {
                    out[outAt + d] += w * table[base + d];
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
     * {@code SUM} or {@code MEAN} of 1 to 4 rows in one loop over the floats: each float is
     * {@code ((w0 r0 + w1 r1) + w2 r2) + w3 r3}, divided by k for {@code MEAN} (k > 1), rounded at every step as
     * the loop per lookup of {@link #combineRows} rounds it, so the result is the same bit for bit; reading the k
     * rows side by side instead of one after another halves the time (the JIT does not vectorise either form: the
     * rows sit at different offsets).
     */
    private static void sumRows(boolean mean, int k, float[] table, int width, int[] rows, float[] weights, int at,
                                float[] out, int outAt) {
        int b0 = rows[at] * width;
        float w0 = weights == null ? 1f : weights[at];
        if (k == 1) {
            for (int d = 0; d < width; d++) {
                out[outAt + d] = w0 * table[b0 + d];
            }
            return;
        }
        int b1 = rows[at + 1] * width;
        float w1 = weights == null ? 1f : weights[at + 1];
        float divisor = mean ? k : 1f; // x / 1 is x: SUM divides by 1
        if (k == 2) {
            for (int d = 0; d < width; d++) {
                out[outAt + d] = (w0 * table[b0 + d] + w1 * table[b1 + d]) / divisor;
            }
            return;
        }
        int b2 = rows[at + 2] * width;
        float w2 = weights == null ? 1f : weights[at + 2];
        if (k == 3) {
            for (int d = 0; d < width; d++) {
                out[outAt + d] = ((w0 * table[b0 + d] + w1 * table[b1 + d]) + w2 * table[b2 + d]) / divisor;
            }
            return;
        }
        int b3 = rows[at + 3] * width;
        float w3 = weights == null ? 1f : weights[at + 3];
        for (int d = 0; d < width; d++) {
            out[outAt + d] = (((w0 * table[b0 + d] + w1 * table[b1 + d]) + w2 * table[b2 + d])
                    + w3 * table[b3 + d]) / divisor;
        }
    }

    /**
     * The gradient with respect to row {@code rows[at + j]} (lookup j of an entity combined by
     * {@link #combineRows}) of a loss whose gradient with respect to the combined embedding is
     * {@code embeddingGradient[gradientAt..+width)}, written into {@code out[outAt..outAt+width)}: the chain rule
     * through weight and sum ({@code w_j}), mean ({@code w_j / k}) or product ({@code w_j} times the other weighted
     * rows, element-wise), or for {@link Combiner#CONCAT} {@code w_j} times block j of the embedding's gradient
     * ({@code embeddingGradient[gradientAt + j * width ..)}, the embedding being {@code k * width} floats).
     */
    public static void rowGradient(Combiner combiner, int k, float[] table, int width, int[] rows, float[] weights,
                                   int at, int j, float[] embeddingGradient, int gradientAt, float[] out, int outAt) {
        float w = (weights == null ? 1f : weights[at + j]) * (combiner == Combiner.MEAN ? 1f / k : 1f);
        if (combiner == Combiner.CONCAT) {
            int block = gradientAt + j * width;
            for (int c = 0; c < width; c++) {
                out[outAt + c] = w * embeddingGradient[block + c];
            }
        } else if (combiner == Combiner.PRODUCT && k > 1) {
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

    /**
     * The gradient with respect to the k weights {@code weights[at..at+k)} of one entity combined by
     * {@link #combineRows} (rows {@code rows[at..at+k)} of {@code width} floats) of a loss whose gradient with
     * respect to the combined embedding is {@code embeddingGradient[gradientAt..)}, written into
     * {@code out[outAt..outAt+k)}: {@code dL/dw_j = sum_c row_j[c] * g[c]}, divided by k for {@code MEAN}, times
     * the other k-1 weighted rows' product for {@code PRODUCT}; sums in double. Not for {@code CONCAT}: layouts
     * refuse weights on concatenated rows.
     */
    public static void weightGradient(Combiner combiner, int k, float[] table, int width, int[] rows, float[] weights,
                                      int at, float[] embeddingGradient, int gradientAt, float[] out, int outAt) {
        float scale = combiner == Combiner.MEAN ? 1f / k : 1f;
        for (int j = 0; j < k; j++) {
            int r = rows[at + j] * width;
            double sum = 0;
            for (int c = 0; c < width; c++) {
                float factor = scale;
                if (combiner == Combiner.PRODUCT) {
                    factor = 1f;
                    for (int l = 0; l < k; l++) {
                        if (l != j) {
                            factor *= weights[at + l] * table[rows[at + l] * width + c];
                        }
                    }
                }
                sum += factor * table[r + c] * embeddingGradient[gradientAt + c];
            }
            out[outAt + j] = (float) sum;
        }
    }
}
