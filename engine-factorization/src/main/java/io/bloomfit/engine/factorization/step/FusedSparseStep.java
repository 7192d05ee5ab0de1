package io.bloomfit.engine.factorization.step;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.BatchStep;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.TableId;

/**
 * A sparse-optimizer step computed in closed form on Java arrays, without an autograd engine. A factorization
 * model's loss is a few dot products per example, and its gradient with respect to every row read is just as
 * short; run through the engine instead, each of the step's ~60 small tensor operations costs more in dispatch,
 * autograd bookkeeping and allocation than in arithmetic, and those costs, not the rows, set the epoch time.
 *
 * <p>The step computes exactly the model the {@code djl} trainer's autograd graph defines (same combiners,
 * losses, mean over the batch, l2 on the embeddings read) and hands each table's coalesced gradient to its
 * {@link RowOptimizer}, so the model trained is the one the graph would train; {@code FusedSparseStepTest} (in
 * {@code engine-djl}) checks loss and gradients against DJL autograd on the graph. Losses:
 * <ul>
 *   <li>{@code pointwise}: logistic loss, {@code softplus(-pos) + softplus(neg)} (one negative);</li>
 *   <li>{@code bpr}: {@code -log sigmoid(pos - neg) = softplus(neg - pos)};</li>
 *   <li>{@code hinge}: {@code max(0, 1 - pos + neg)};</li>
 *   <li>{@code adaptive-hinge}: hinge against the highest-scoring of n negatives (Spotlight's);</li>
 *   <li>{@code bpr-bounded} and {@code pointwise-bounded}: Spotlight's own bounded losses, {@code 1 - sigmoid(pos -
 *       neg)} and {@code (1 - sigmoid(pos)) + sigmoid(neg)} ({@link PairLoss} has every definition and derivative);</li>
 *   <li>{@code regression}: squared error on ratings.</li>
 * </ul>
 * The l2 penalty adds {@code l2 * sum of squared embeddings read / batch size}. Trainable lookup weights (hash
 * embeddings) get their gradient too, {@code dL/dw_j = scale * <row_j, dL/de>} (the product of the other weighted
 * rows in place of the scale for {@code PRODUCT}), applied by the weight table's own row optimizer; concatenated
 * rows ({@code robe}) pass each block of the embedding's gradient to its row. Encoder layouts ({@code dhe}) have
 * no rows to update in closed form: {@link #FusedSparseStep} refuses them. Work is split across threads only where the parts are independent (entities when
 * combining, disjoint rows when accumulating gradients and updating), and every sum is taken in a fixed order, so
 * a fit gives the same result with any number of threads.
 */
public final class FusedSparseStep {

    private final RowTables tables;
    private final LookupPlan userVectors;
    private final LookupPlan itemVectors;
    private final LookupPlan userBiases;
    private final LookupPlan itemBiases;
    private final int dimension;

    /** A step over {@code tables}, read through {@code plans}, with embeddings of {@code dimension}. */
    public FusedSparseStep(RowTables tables, ModelParameters.Plans plans, int dimension) {
        refuseEncoder(plans.userVectors(), "users");
        refuseEncoder(plans.itemVectors(), "items");
        this.tables = tables;
        this.userVectors = plans.userVectors();
        this.itemVectors = plans.itemVectors();
        this.userBiases = plans.userBiases();
        this.itemBiases = plans.itemBiases();
        this.dimension = dimension;
    }

    /**
     * One step of the implicit model: {@code users[b]} interacted with {@code positives[b]}; {@code negatives}
     * holds {@code perPositive} sampled items per positive. Applies the update and returns the batch's loss.
     */
    public double implicit(Loss loss, int[] users, int[] positives, int[] negatives, int perPositive, float l2) {
        int b = users.length;
        int n = perPositive;
        int d = dimension;
        int[] items = new int[b + negatives.length];
        System.arraycopy(positives, 0, items, 0, b);
        System.arraycopy(negatives, 0, items, b, negatives.length);

        Reads reads = new Reads(users, items);
        float[] uEmb = reads.uEmb;
        float[] vEmb = reads.vEmb;
        float[] ubEmb = reads.ubEmb;
        float[] ibEmb = reads.ibEmb;
        float[] uGrad = reads.uGrad;
        float[] vGrad = reads.vGrad;
        float[] ubGrad = reads.ubGrad;
        float[] ibGrad = reads.ibGrad;

        float[] neg = new float[n];
        float[] gradient = new float[2];
        double total = 0;
        float inverseBatch = 1f / b;
        for (int e = 0; e < b; e++) {
            int ue = e * d;
            float pos = dot(uEmb, ue, vEmb, e * d, d) + ubEmb[e] + ibEmb[e];
            for (int i = 0; i < n; i++) {
                int q = b + e * n + i;
                neg[i] = dot(uEmb, ue, vEmb, q * d, d) + ubEmb[e] + ibEmb[q];
            }
            // dPos, dHardest: derivatives of this example's loss with respect to the positive's score and the one
            // negative score it depends on, already divided by the batch size (mean)
            int hardest = 0;
            if (loss == Loss.ADAPTIVE_HINGE) {
                for (int i = 1; i < n; i++) {
                    if (neg[i] > neg[hardest]) {
                        hardest = i; // the first of equal maxima, as the engine's max picks
                    }
                }
            }
            total += PairLoss.of(loss, pos, neg[hardest], gradient);
            float dPos = gradient[0] * inverseBatch;
            float dHardest = gradient[1] * inverseBatch;
            // only one negative per example carries gradient: the sampled one, or the hardest of n
            int q = b + e * n + hardest;
            axpy(dPos, vEmb, e * d, uGrad, ue, d);
            axpy(dHardest, vEmb, q * d, uGrad, ue, d);
            axpy(dPos, uEmb, ue, vGrad, e * d, d);
            axpy(dHardest, uEmb, ue, vGrad, q * d, d);
            ubGrad[e] += dPos + dHardest;
            ibGrad[e] += dPos;
            ibGrad[q] += dHardest;
        }
        return total / b + reads.finish(l2, b);
    }

    /** One step of the explicit model: squared error of the predicted ratings. Returns the batch's loss. */
    public double explicit(int[] users, int[] items, float[] ratings, float l2) {
        int b = users.length;
        int d = dimension;
        Reads reads = new Reads(users, items);
        float[] uEmb = reads.uEmb;
        float[] vEmb = reads.vEmb;
        float[] uGrad = reads.uGrad;
        float[] vGrad = reads.vGrad;
        double total = 0;
        float twoOverBatch = 2f / b;
        for (int e = 0; e < b; e++) {
            int at = e * d;
            float error = dot(uEmb, at, vEmb, at, d) + reads.ubEmb[e] + reads.ibEmb[e] - ratings[e];
            total += (double) error * error;
            float g = error * twoOverBatch;
            axpy(g, vEmb, at, uGrad, at, d);
            axpy(g, uEmb, at, vGrad, at, d);
            reads.ubGrad[e] = g;
            reads.ibGrad[e] = g;
        }
        return total / b + reads.finish(l2, b);
    }

    /**
     * Whether this step can train a side read through {@code plan}: row lookups of every kind, whose gradients it
     * computes in closed form; not an encoder network.
     */
    public static boolean trains(LookupPlan plan) {
        return switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS, TRAINABLE_WEIGHTS, BLOCKS -> true;
            case ENCODER -> false;
        };
    }

    private static void refuseEncoder(LookupPlan plan, String side) {
        if (!trains(plan)) {
            throw new IllegalArgumentException("the fused sparse step computes gradients of row lookups in closed "
                    + "form, but the " + side + " layout is an encoder network (" + plan.encoder() + "), which it "
                    + "cannot train: use trainer djl (its autograd path trains encoders, with any optimizer)");
        }
    }

    /**
     * This step as the {@link BatchStep} of a fit with {@code loss} and {@code l2}: implicit batches go to
     * {@link #implicit}, explicit ones to {@link #explicit}.
     */
    public BatchStep forLoss(Loss loss, float l2) {
        return batch -> batch.implicit()
                ? implicit(loss, batch.users(), batch.items(), batch.negatives(), batch.negativesPerPositive(), l2)
                : explicit(batch.users(), batch.items(), batch.ratings(), l2);
    }

    /**
     * The four tables read by a batch ({@code users[e]} with {@code items}: positives, then any negatives), their
     * combined embeddings, and the gradients a loss fills in before {@link #finish}.
     */
    private final class Reads {
        final TableRead u;
        final TableRead v;
        final TableRead ub;
        final TableRead ib;
        final float[] uEmb;
        final float[] vEmb;
        final float[] ubEmb;
        final float[] ibEmb;
        final float[] uGrad;
        final float[] vGrad;
        final float[] ubGrad;
        final float[] ibGrad;

        Reads(int[] users, int[] items) {
            u = new TableRead(TableId.USER_VECTORS, userVectors, users, dimension);
            v = new TableRead(TableId.ITEM_VECTORS, itemVectors, items, dimension);
            ub = new TableRead(TableId.USER_BIASES, userBiases, users, 1);
            ib = new TableRead(TableId.ITEM_BIASES, itemBiases, items, 1);
            uEmb = u.combined();
            vEmb = v.combined();
            ubEmb = ub.combined();
            ibEmb = ib.combined();
            uGrad = new float[uEmb.length];
            vGrad = new float[vEmb.length];
            ubGrad = new float[ubEmb.length];
            ibGrad = new float[ibEmb.length];
        }

        /** Adds the l2 penalty's gradient, applies every table's update; returns the penalty. */
        double finish(float l2, int batch) {
            double penalty = l2 > 0 ? l2Penalty(l2, batch, uEmb, uGrad, vEmb, vGrad) : 0;
            u.backward(uGrad);
            v.backward(vGrad);
            ub.backward(ubGrad);
            ib.backward(ibGrad);
            return penalty;
        }
    }

    /** {@code l2 / b * (|u|^2 + |v|^2)}, and its gradient added to {@code uGrad} and {@code vGrad}. */
    private static double l2Penalty(float l2, int b, float[] u, float[] uGrad, float[] v, float[] vGrad) {
        float scale = l2 / b;
        double squares = 0;
        for (int i = 0; i < u.length; i++) {
            squares += (double) u[i] * u[i];
            uGrad[i] += 2f * scale * u[i];
        }
        for (int i = 0; i < v.length; i++) {
            squares += (double) v[i] * v[i];
            vGrad[i] += 2f * scale * v[i];
        }
        return scale * squares;
    }

    private static float dot(float[] a, int aAt, float[] b, int bAt, int d) {
        float s = 0;
        for (int c = 0; c < d; c++) {
            s += a[aAt + c] * b[bAt + c];
        }
        return s;
    }

    private static void axpy(float alpha, float[] x, int xAt, float[] y, int yAt, int d) {
        if (alpha == 0f) {
            return;
        }
        for (int c = 0; c < d; c++) {
            y[yAt + c] += alpha * x[xAt + c];
        }
    }


    /**
     * One table's part of a step: the distinct rows read (gathered once by the table's optimizer), the combined
     * embedding of each entity, and, on {@link #backward}, the chain rule through the combiner into a coalesced
     * gradient per distinct row.
     */
    private final class TableRead {
        private final RowOptimizer optimizer;
        private final LookupPlan plan;
        private final int entities;
        private final int width;     // of an embedding
        private final int rowWidth;  // of a table row: width, or width / k when rows are concatenated
        private final int k;
        private final int[] slots;
        private final float[] weights;
        private final float[] rows;
        private final int distinct;
        private final RowOptimizer weightOptimizer; // null: weights fixed
        private final int[] weightSlots;

        TableRead(TableId table, LookupPlan plan, int[] ids, int width) {
            boolean trainedWeights = switch (plan.kind()) {
                case TRAINABLE_WEIGHTS -> true;
                case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS -> false;
                case ENCODER -> throw new IllegalStateException("the step refuses encoders when it is built");
            };
            this.optimizer = tables.optimizer(table);
            this.plan = plan;
            this.entities = ids.length;
            this.width = width;
            this.rowWidth = plan.rowWidth(width);
            this.k = plan.lookups();
            int[] globalRows = plan.rowsOf(ids);
            this.slots = new int[globalRows.length];
            this.distinct = optimizer.gather(globalRows, slots);
            this.rows = optimizer.gathered();
            if (trainedWeights) {
                weightOptimizer = tables.optimizer(table.weights());
                weightSlots = new int[entities];
                weightOptimizer.gather(plan.weightRowsOf(ids), weightSlots);
                float[] gathered = weightOptimizer.gathered();
                weights = new float[entities * k];
                for (int e = 0; e < entities; e++) {
                    System.arraycopy(gathered, weightSlots[e] * k, weights, e * k, k);
                }
            } else {
                weightOptimizer = null;
                weightSlots = null;
                weights = plan.weightsOf(ids);
            }
        }

        /** The combined embeddings, entity by entity ({@code entities * width} floats). */
        float[] combined() {
            float[] out = new float[entities * width];
            Combiner combiner = plan.combiner();
            // entities are independent: split them across the row threads
            optimizer.used(RowRanges.forRange(entities, k * rowWidth + width, optimizer.threads(), (from, to) -> {
                for (int e = from; e < to; e++) {
                    LookupPlan.combineRows(combiner, k, rows, rowWidth, slots, weights, e * k, out, e * width);
                }
            }));
            return out;
        }

        /**
         * The gradient of the trainable weights, per gathered weight row ({@code k} floats each, entity order):
         * {@code dL/dw_j = scale * sum_c row_j[c] * g[c]}, with the other k-1 weighted rows' product in place of
         * the scale for {@code PRODUCT} ({@link LookupPlan#weightGradient}).
         */
        private void backwardWeights(float[] embeddingGradient) {
            float[] gradient = new float[weightOptimizer.gatheredRows() * k];
            float[] entityGradient = new float[k];
            for (int e = 0; e < entities; e++) {
                LookupPlan.weightGradient(plan.combiner(), k, rows, rowWidth, slots, weights, e * k,
                        embeddingGradient, e * width, entityGradient, 0);
                for (int j = 0; j < k; j++) {
                    gradient[weightSlots[e] * k + j] += entityGradient[j];
                }
            }
            weightOptimizer.apply(gradient);
        }

        /** Takes the gradient of the combined embeddings, turns it into the rows' gradients and applies it. */
        void backward(float[] embeddingGradient) {
            if (weightOptimizer != null) {
                backwardWeights(embeddingGradient); // reads the rows before their own update below
            }
            float[] gradient = new float[distinct * rowWidth];
            Combiner combiner = plan.combiner();
            float scale = combiner == Combiner.MEAN ? 1f / k : 1f;
            // each thread owns a range of rows and adds their contributions in entity order, as one thread would:
            // no races, and the sums do not depend on the number of threads
            // each part reads every entity's gradient: the work is the whole batch's, split or not
            int perRow = Math.max(rowWidth, (int) Math.min(Integer.MAX_VALUE,
                    (long) entities * k * rowWidth / Math.max(1, distinct)));
            optimizer.used(RowRanges.forRange(distinct, perRow, optimizer.threads(), (lo, hi) -> {
                for (int e = 0; e < entities; e++) {
                    int o = e * width;
                    for (int j = 0; j < k; j++) {
                        int slot = slots[e * k + j];
                        if (slot < lo || slot >= hi) {
                            continue;
                        }
                        int r = slot * rowWidth;
                        float w = (weights == null ? 1f : weights[e * k + j]) * scale;
                        if (combiner == Combiner.CONCAT) {
                            int block = o + j * rowWidth;
                            for (int c = 0; c < rowWidth; c++) {
                                gradient[r + c] += w * embeddingGradient[block + c];
                            }
                        } else if (combiner == Combiner.PRODUCT && k > 1) {
                            for (int c = 0; c < width; c++) {
                                float others = 1f;
                                for (int l = 0; l < k; l++) {
                                    if (l != j) {
                                        float wl = weights == null ? 1f : weights[e * k + l];
                                        others *= wl * rows[slots[e * k + l] * rowWidth + c];
                                    }
                                }
                                gradient[r + c] += w * others * embeddingGradient[o + c];
                            }
                        } else {
                            for (int c = 0; c < width; c++) {
                                gradient[r + c] += w * embeddingGradient[o + c];
                            }
                        }
                    }
                }
            }));
            optimizer.apply(gradient);
        }
    }
}
