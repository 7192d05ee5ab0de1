package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.TableId;

/**
 * The differentiable part of a step, shared by dense and sparse training: combine looked-up rows into
 * embeddings, score, and compute the loss. Losses:
 * <ul>
 *   <li>{@code pointwise}: logistic loss, {@code softplus(-pos) + softplus(neg)} (one negative);</li>
 *   <li>{@code bpr}: {@code -log sigmoid(pos - neg) = softplus(neg - pos)};</li>
 *   <li>{@code bpr-bounded}: Spotlight's {@code bpr_loss} ({@code spotlight/losses.py}), {@code 1 - sigmoid(pos -
 *       neg)};</li>
 *   <li>{@code pointwise-bounded}: Spotlight's {@code pointwise_loss}, {@code (1 - sigmoid(pos)) + sigmoid(neg)};</li>
 *   <li>{@code hinge}: {@code max(0, 1 - pos + neg)};</li>
 *   <li>{@code adaptive-hinge}: hinge against the highest-scoring of n negatives (Spotlight's);</li>
 *   <li>{@code regression}: squared error on ratings.</li>
 * </ul>
 * The l2 penalty adds {@code l2 * sum of squared embeddings read / batch size}.
 */
final class FactorizationGraph {

    private final ParameterTables tables;
    private final LookupPlan userVectors;
    private final LookupPlan itemVectors;
    private final LookupPlan userBiases;
    private final LookupPlan itemBiases;

    /** Entities' hash features are computed once per fit when they take at most this many floats. */
    private static final long CACHED_FEATURES = 1L << 24;

    private final float[][] features = new float[2][]; // per side (users, items): all entities' features, or null

    FactorizationGraph(ParameterTables tables, LookupPlan userVectors, LookupPlan itemVectors, LookupPlan userBiases,
                       LookupPlan itemBiases) {
        this.tables = tables;
        features[0] = allFeatures(userVectors);
        features[1] = allFeatures(itemVectors);
        this.userVectors = userVectors;
        this.itemVectors = itemVectors;
        this.userBiases = userBiases;
        this.itemBiases = itemBiases;
    }

    /**
     * Embeddings (n, width) of {@code entities} read from {@code table} through {@code plan}, by its kind: rows
     * combined (weighted by fixed weights, or by rows of the side's weight table when they are trained), rows
     * concatenated, or an encoder network's output.
     */
    NDArray lookup(TableId table, LookupPlan plan, int[] entities, NDManager step) {
        return switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> combine(plan, rows(table, plan, entities, step),
                    fixedWeights(plan, entities, step), entities.length);
            case TRAINABLE_WEIGHTS -> combine(plan, rows(table, plan, entities, step),
                    tables.gather(table.weights(), plan.weightRowsOf(entities), step).reshape(entities.length,
                            plan.lookups(), 1), entities.length);
            case BLOCKS -> concatenate(plan, rows(table, plan, entities, step), entities.length);
            case ENCODER -> encode(table, plan.encoder(), entities, step);
        };
    }

    /** The k rows of each of {@code entities}: (n * k, row width). */
    private NDArray rows(TableId table, LookupPlan plan, int[] entities, NDManager step) {
        return tables.gather(table, plan.rowsOf(entities), step);
    }

    /** The fixed weights of {@code entities} as (n, k, 1), or {@code null} when every weight is 1. */
    private static NDArray fixedWeights(LookupPlan plan, int[] entities, NDManager step) {
        float[] weights = plan.weightsOf(entities);
        return weights == null ? null : step.create(weights, new Shape(entities.length, plan.lookups(), 1));
    }

    /** The k blocks of each of {@code n} entities (n * k, block width) laid end to end: (n, k * block width). */
    private static NDArray concatenate(LookupPlan plan, NDArray rows, int n) {
        return rows.reshape(n, plan.lookups() * rows.getShape().get(1)); // block j of entity e is row e * k + j
    }

    /**
     * The k rows of each of {@code n} entities (n * k, width), times {@code w} (n, k, 1) unless null, combined into
     * (n, width).
     */
    private static NDArray combine(LookupPlan plan, NDArray rows, NDArray w, int n) {
        int k = plan.lookups();
        if (k == 1 && w == null) {
            return rows;
        }
        NDArray x = rows.reshape(n, k, rows.getShape().get(1));
        if (w != null) {
            x = x.mul(w);
        }
        return switch (plan.combiner()) {
            case MEAN -> x.mean(new int[] {1});
            case SUM -> x.sum(new int[] {1});
            case PRODUCT -> x.prod(new int[] {1});
            case CONCAT -> throw new IllegalStateException("blocks are laid end to end, not combined");
        };
    }

    /**
     * The encoder network on {@code entities}' hash features: the table's rows are the packed parameters
     * ({@link EntityEncoder}), read whole and sliced into each layer's weight and bias, so autograd carries the
     * loss's gradient to every parameter.
     */
    private NDArray encode(TableId table, EntityEncoder encoder, int[] entities, NDManager step) {
        int[] all = new int[tables.rows(table)];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        NDArray flat = tables.gather(table, all, step).reshape(-1);
        int f = encoder.numFeatures();
        float[] x0 = new float[entities.length * f];
        float[] cached = features[table == TableId.USER_VECTORS ? 0 : 1];
        if (cached != null) {
            for (int i = 0; i < entities.length; i++) {
                System.arraycopy(cached, entities[i] * f, x0, i * f, f);
            }
        } else {
            encoder.features(entities, x0);
        }
        NDArray x = step.create(x0, new Shape(entities.length, f));
        for (int l = 0; l < encoder.numLayers(); l++) {
            int in = encoder.inputWidth(l);
            int out = encoder.outputWidth(l);
            int w = encoder.weightOffset(l);
            int b = encoder.biasOffset(l);
            NDArray weight = flat.get(new NDIndex(w + ":" + (w + in * out))).reshape(in, out);
            NDArray bias = flat.get(new NDIndex(b + ":" + (b + out)));
            x = x.matMul(weight).add(bias);
            if (l < encoder.numLayers() - 1) {
                x = Activation.relu(x);
            }
        }
        return x;
    }

    /** Every entity's hash features of an encoder plan, when they are few enough to keep; else {@code null}. */
    private static float[] allFeatures(LookupPlan plan) {
        return switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS, TRAINABLE_WEIGHTS, BLOCKS -> null;
            case ENCODER -> allFeatures(plan.encoder(), plan.entities());
        };
    }

    private static float[] allFeatures(EntityEncoder encoder, int entities) {
        long floats = (long) entities * encoder.numFeatures();
        if (floats > CACHED_FEATURES) {
            return null;
        }
        float[] all = new float[(int) floats];
        encoder.features(java.util.stream.IntStream.range(0, entities).toArray(), all);
        return all;
    }

    /**
     * Mean implicit loss of a batch: {@code users[b]} interacted with {@code positives[b]}; {@code negatives}
     * holds {@code negativesPerPositive} sampled items per positive.
     */
    NDArray implicitLoss(Loss loss, int[] users, int[] positives, int[] negatives, int negativesPerPositive,
                         float l2, NDManager step) {
        int b = users.length;
        int n = negativesPerPositive;
        int[] items = new int[positives.length + negatives.length];
        System.arraycopy(positives, 0, items, 0, positives.length);
        System.arraycopy(negatives, 0, items, positives.length, negatives.length);

        NDArray u = lookup(TableId.USER_VECTORS, userVectors, users, step);
        NDArray v = lookup(TableId.ITEM_VECTORS, itemVectors, items, step);
        NDArray ub = lookup(TableId.USER_BIASES, userBiases, users, step).reshape(b);
        NDArray ib = lookup(TableId.ITEM_BIASES, itemBiases, items, step).reshape(items.length);
        NDList vs = v.split(new long[] {b}, 0);
        NDList ibs = ib.split(new long[] {b}, 0);
        NDArray p = vs.get(0);
        NDArray q = vs.get(1);
        long d = p.getShape().get(1);

        NDArray pos = u.mul(p).sum(new int[] {1}).add(ub).add(ibs.get(0));
        NDArray neg = u.expandDims(1).mul(q.reshape(b, n, d)).sum(new int[] {2})
                .add(ub.expandDims(1)).add(ibs.get(1).reshape(b, n));

        NDArray perExample = switch (loss) {
            case POINTWISE -> Activation.softPlus(pos.neg()).add(Activation.softPlus(neg.reshape(b)));
            case BPR -> Activation.softPlus(neg.reshape(b).sub(pos));
            case HINGE -> Activation.relu(neg.reshape(b).sub(pos).add(1f));
            case ADAPTIVE_HINGE -> Activation.relu(neg.max(new int[] {1}).sub(pos).add(1f));
            case BPR_BOUNDED -> Activation.sigmoid(pos.sub(neg.reshape(b))).neg().add(1f);
            case POINTWISE_BOUNDED -> Activation.sigmoid(pos).neg().add(1f).add(Activation.sigmoid(neg.reshape(b)));
            case REGRESSION -> throw new IllegalArgumentException("regression is the explicit model's loss");
        };
        NDArray total = perExample.mean();
        if (l2 > 0) {
            total = total.add(u.square().sum().add(v.square().sum()).mul(l2 / b));
        }
        return total;
    }

    /** Mean squared error of the predicted ratings of {@code (users[b], items[b])}. */
    NDArray explicitLoss(int[] users, int[] items, float[] ratings, float l2, NDManager step) {
        int b = users.length;
        NDArray u = lookup(TableId.USER_VECTORS, userVectors, users, step);
        NDArray v = lookup(TableId.ITEM_VECTORS, itemVectors, items, step);
        NDArray ub = lookup(TableId.USER_BIASES, userBiases, users, step).reshape(b);
        NDArray ib = lookup(TableId.ITEM_BIASES, itemBiases, items, step).reshape(b);
        NDArray predicted = u.mul(v).sum(new int[] {1}).add(ub).add(ib);
        NDArray error = predicted.sub(step.create(ratings));
        NDArray total = error.square().mean();
        if (l2 > 0) {
            total = total.add(u.square().sum().add(v.square().sum()).mul(l2 / b));
        }
        return total;
    }
}
