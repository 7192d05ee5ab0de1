package io.bloomfit.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.bloomfit.api.embed.Combiner;
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
     * Embeddings (n, width) of {@code entities} read from {@code table} through {@code plan}: weighted rows (fixed
     * weights, or rows of the side's weight table when they are trained) combined, rows concatenated, or an encoder
     * network's output.
     */
    NDArray lookup(TableId table, LookupPlan plan, int[] entities, NDManager step) {
        if (plan.isEncoder()) {
            return encode(table, plan.encoder(), entities, step);
        }
        NDArray rows = tables.gather(table, plan.rowsOf(entities), step);
        int n = entities.length;
        int k = plan.lookups();
        long width = rows.getShape().get(1);
        if (plan.combiner() == Combiner.CONCAT) {
            return rows.reshape(n, k * width); // entity-major rows: block j of entity e is row e * k + j
        }
        NDArray w = null;
        if (plan.trainableWeights()) {
            w = tables.gather(table.weights(), plan.weightRowsOf(entities), step).reshape(n, k, 1);
        } else {
            float[] weights = plan.weightsOf(entities);
            if (weights != null) {
                w = step.create(weights, new Shape(n, k, 1));
            }
        }
        if (k == 1 && w == null) {
            return rows;
        }
        NDArray x = rows.reshape(n, k, width);
        if (w != null) {
            x = x.mul(w);
        }
        return switch (plan.combiner()) {
            case MEAN -> x.mean(new int[] {1});
            case SUM -> x.sum(new int[] {1});
            case PRODUCT -> x.prod(new int[] {1});
            case CONCAT -> throw new IllegalStateException("handled above");
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
        if (!plan.isEncoder()) {
            return null;
        }
        EntityEncoder encoder = plan.encoder();
        long floats = (long) plan.entities() * encoder.numFeatures();
        if (floats > CACHED_FEATURES) {
            return null;
        }
        float[] all = new float[(int) floats];
        encoder.features(java.util.stream.IntStream.range(0, plan.entities()).toArray(), all);
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
