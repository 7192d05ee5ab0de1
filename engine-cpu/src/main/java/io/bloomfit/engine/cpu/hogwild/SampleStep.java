package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.train.Loss;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.model.LookupPlan;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.engine.factorization.step.PairLoss;

/**
 * One thread's per-example step: reads an example's rows, computes its loss and the gradient of that loss with
 * respect to every row read, and updates those rows at once ({@link SharedTable#update}), example after example.
 * The model and the losses are the {@code djl} trainer's (score = &lt;U(u), V(i)&gt; + b_u + b_i; pointwise,
 * bpr, hinge, adaptive-hinge on sampled negatives; squared error for the explicit model), with the l2 penalty
 * {@code l2 * (|U(u)|^2 + sum |V(i)|^2)} on the embeddings the example reads, as {@link FusedSparseStep} defines
 * them, but for one example instead of the mean over a batch: the gradient of the batch loss times the batch
 * size, restricted to that example. All of an example's row gradients are computed from the values it read
 * before any is applied: for a table whose lookups combine linearly ({@link EntityRows#linear()}: {@code SUM},
 * {@code MEAN}, one row) a row's gradient is the embedding's gradient times a constant, so its rows are updated
 * directly, one after another in the order the gradients would have been queued; for any other ({@code PRODUCT}
 * of several rows) the row gradients depend on the rows' values and are queued and applied after all are
 * computed. Both give the same result bit for bit. A table whose lookup weights are trained (hash embeddings) is
 * queued too, with the gradient of each entity's k weights ({@link LookupPlan#weightGradient}, from the rows and
 * weights it read) queued for the weight table beside it. Not thread-safe: each thread of a fit has its own.
 */
final class SampleStep {

    private static final int UV = TableId.USER_VECTORS.ordinal();
    private static final int IV = TableId.ITEM_VECTORS.ordinal();
    private static final int UB = TableId.USER_BIASES.ordinal();
    private static final int IB = TableId.ITEM_BIASES.ordinal();
    /** The weight table of each vector table, by the vector table's ordinal (USER_VECTORS, ITEM_VECTORS). */
    private static final int[] WEIGHTS_OF = {TableId.USER_WEIGHTS.ordinal(), TableId.ITEM_WEIGHTS.ordinal()};

    private final SharedTable[] tables;
    private final EntityRows[] lookups;
    private final int d;
    private final Loss loss;
    private final float l2;
    private final float[] user;
    private final float[] scoreGradient = new float[2];
    private final float[] userGrad;
    private final float[] items;
    private final float[] itemGrads;
    private final float[] itemBiases;
    private final int[] itemIds;
    private final float[] negativeScores;
    private final float[] bias = new float[1];
    private final float[] biasGrad = new float[1];
    private final int[][] pendingRows = new int[6][];
    private final float[][] pendingGrads = new float[6][];
    private final int[] pending = new int[6];
    private final boolean[] direct = new boolean[4]; // vector and bias tables only
    private final int[] gatheredRows;      // one entity's rows and trained weights (tables with trained weights)
    private final float[] gatheredWeights;
    private float sink;    // where the touching reads end (never read)
    private int rowSink;

    /**
     * A step over {@code tables} and {@code lookups} (by {@link TableId} ordinal; the two weight tables may be left
     * out when neither layout trains its weights, and their lookups are never read: a weight table is read through
     * its vector table's) for embeddings of {@code dimension}, {@code perPositive} negatives per implicit example.
     */
    SampleStep(SharedTable[] tables, EntityRows[] lookups, int dimension, Loss loss, float l2, int perPositive) {
        this(tables, lookups, dimension, loss, l2, perPositive, true);
    }

    /**
     * As {@link #SampleStep(SharedTable[], EntityRows[], int, Loss, float, int)}; {@code directLinear} false queues
     * every table's row gradients, linear or not (the general path, for tests that compare the two).
     */
    SampleStep(SharedTable[] tables, EntityRows[] lookups, int dimension, Loss loss, float l2, int perPositive,
               boolean directLinear) {
        this.tables = tables;
        this.lookups = lookups;
        this.d = dimension;
        this.loss = loss;
        this.l2 = l2;
        int itemsRead = 1 + perPositive;
        user = new float[d];
        userGrad = new float[d];
        items = new float[itemsRead * d];
        itemGrads = new float[itemsRead * d];
        itemBiases = new float[itemsRead];
        itemIds = new int[itemsRead];
        negativeScores = new float[perPositive];
        int[] entitiesRead = {1, itemsRead, 1, itemsRead};
        int maxLookups = 1;
        // the tables a step trains: vectors and biases, and the weight tables of layouts that train their weights
        for (TableId t : new TableId[] {TableId.USER_VECTORS, TableId.ITEM_VECTORS, TableId.USER_BIASES,
                TableId.ITEM_BIASES}) {
            EntityRows rows = lookups[t.ordinal()];
            int capacity = entitiesRead[t.ordinal()] * rows.lookups();
            pendingRows[t.ordinal()] = new int[capacity];
            pendingGrads[t.ordinal()] = new float[capacity * tables[t.ordinal()].width()];
            direct[t.ordinal()] = directLinear && rows.linear();
            maxLookups = Math.max(maxLookups, rows.lookups());
            if (rows.trainable()) {
                int w = t.weights().ordinal();
                pendingRows[w] = new int[entitiesRead[t.ordinal()]];
                pendingGrads[w] = new float[entitiesRead[t.ordinal()] * rows.lookups()];
            }
        }
        gatheredRows = new int[maxLookups];
        gatheredWeights = new float[maxLookups];
    }

    /**
     * Trains on every example of {@code batch} in order; returns the mean of their losses. While one example is
     * trained, the rows of the next are brought into cache ({@link EntityRows#touch}) and the row numbers of the one
     * after: the rows are scattered over tables larger than a core's cache, and an example waits for them otherwise.
     * Reads only, so the result is the same.
     */
    double batch(Batch batch) {
        int[] users = batch.users();
        int[] positives = batch.items();
        int size = users.length;
        double total = 0;
        if (batch.implicit()) {
            int[] negatives = batch.negatives();
            int n = batch.negativesPerPositive();
            for (int e = 0; e < size; e++) {
                if (e + 2 < size) {
                    touchRowNumbers(users[e + 2], positives[e + 2], negatives, (e + 2) * n, n);
                }
                if (e + 1 < size) {
                    touchRows(users[e + 1], positives[e + 1], negatives, (e + 1) * n, n);
                }
                total += implicit(users[e], positives[e], negatives, e * n, n);
            }
        } else {
            float[] ratings = batch.ratings();
            for (int e = 0; e < size; e++) {
                if (e + 2 < size) {
                    touchRowNumbers(users[e + 2], positives[e + 2], positives, e + 2, 0);
                }
                if (e + 1 < size) {
                    touchRows(users[e + 1], positives[e + 1], positives, e + 1, 0);
                }
                total += explicit(users[e], positives[e], ratings[e]);
            }
        }
        return total / size;
    }

    /** Brings the rows of user {@code u}, item {@code item} and items {@code others[at..at+n)} into cache. */
    private void touchRows(int u, int item, int[] others, int at, int n) {
        SharedTable iv = tables[IV];
        SharedTable ib = tables[IB];
        float acc = lookups[UV].touch(u, tables[UV].values(), tables[UV].width())
                + lookups[UB].touch(u, tables[UB].values(), tables[UB].width())
                + lookups[IV].touch(item, iv.values(), iv.width()) + lookups[IB].touch(item, ib.values(), ib.width());
        for (int q = at; q < at + n; q++) {
            acc += lookups[IV].touch(others[q], iv.values(), iv.width())
                    + lookups[IB].touch(others[q], ib.values(), ib.width());
        }
        sink += acc; // a field the reads end in: kept, so the reads are too
    }

    /** Brings the row numbers of user {@code u}, item {@code item} and items {@code others[at..at+n)} into cache. */
    private void touchRowNumbers(int u, int item, int[] others, int at, int n) {
        int acc = lookups[UV].touchRowNumbers(u) + lookups[IV].touchRowNumbers(item);
        for (int q = at; q < at + n; q++) {
            acc += lookups[IV].touchRowNumbers(others[q]);
        }
        rowSink += acc;
    }

    /**
     * One implicit example: {@code u} interacted with {@code positive}; its negatives are
     * {@code negatives[at..at+n)}. Returns the example's loss.
     */
    double implicit(int u, int positive, int[] negatives, int at, int n) {
        combine(UV, u, user, 0);
        float bu = biasOf(UB, u);
        itemIds[0] = positive;
        System.arraycopy(negatives, at, itemIds, 1, n);
        for (int q = 0; q <= n; q++) {
            combine(IV, itemIds[q], items, q * d);
            itemBiases[q] = biasOf(IB, itemIds[q]);
        }
        float pos = dot(user, items, 0) + bu + itemBiases[0];
        for (int i = 0; i < n; i++) {
            negativeScores[i] = dot(user, items, (1 + i) * d) + bu + itemBiases[1 + i];
        }
        // dPos, dNeg: the derivatives of the example's loss with respect to the positive's score and the one
        // negative score it depends on
        int hardest = 0;
        if (loss == Loss.HINGE || loss == Loss.ADAPTIVE_HINGE) {
            for (int i = 1; i < n; i++) {
                if (negativeScores[i] > negativeScores[hardest]) {
                    hardest = i; // the first of equal maxima, as the engine's max picks
                }
            }
        }
        double value = PairLoss.of(loss, pos, negativeScores[hardest], scoreGradient);
        float dPos = scoreGradient[0];
        float dNeg = scoreGradient[1];
        int h = 1 + hardest;
        float twoL2 = 2f * l2;
        if (l2 > 0) {
            double squares = squares(user, 0);
            for (int q = 0; q <= n; q++) {
                squares += squares(items, q * d);
            }
            value += l2 * squares;
        } else if (dPos == 0f && dNeg == 0f) {
            return value; // beyond the hinge's margin: nothing moves
        }
        for (int c = 0; c < d; c++) {
            userGrad[c] = dPos * items[c] + dNeg * items[h * d + c] + twoL2 * user[c];
        }
        for (int q = 0; q <= n; q++) {
            float dScore = q == 0 ? dPos : q == h ? dNeg : 0f;
            int o = q * d;
            for (int c = 0; c < d; c++) {
                itemGrads[o + c] = dScore * user[c] + twoL2 * items[o + c];
            }
        }
        java.util.Arrays.fill(pending, 0);
        addRows(UV, u, userGrad, 0);
        for (int q = 0; q <= n; q++) {
            if (q == 0 || q == h || l2 > 0) {
                addRows(IV, itemIds[q], itemGrads, q * d);
            }
        }
        addBias(UB, u, dPos + dNeg);
        addBias(IB, positive, dPos);
        addBias(IB, itemIds[h], dNeg);
        applyPending();
        return value;
    }

    /** One explicit example: {@code u} rated {@code item} {@code rating}. Returns the example's squared error. */
    double explicit(int u, int item, float rating) {
        combine(UV, u, user, 0);
        combine(IV, item, items, 0);
        float error = dot(user, items, 0) + biasOf(UB, u) + biasOf(IB, item) - rating;
        double value = (double) error * error;
        float g = 2f * error;
        float twoL2 = 2f * l2;
        if (l2 > 0) {
            value += l2 * (squares(user, 0) + squares(items, 0));
        }
        for (int c = 0; c < d; c++) {
            userGrad[c] = g * items[c] + twoL2 * user[c];
            itemGrads[c] = g * user[c] + twoL2 * items[c];
        }
        java.util.Arrays.fill(pending, 0);
        addRows(UV, u, userGrad, 0);
        addRows(IV, item, itemGrads, 0);
        addBias(UB, u, g);
        addBias(IB, item, g);
        applyPending();
        return value;
    }

    /** Combines {@code entity}'s rows of vector table {@code table} into {@code out[at..at+d)}. */
    private void combine(int table, int entity, float[] out, int at) {
        EntityRows rows = lookups[table];
        if (!rows.trainable()) {
            rows.combine(entity, tables[table].values(), d, out, at);
            return;
        }
        rows.gather(entity, weightTable(table), gatheredRows, gatheredWeights);
        LookupPlan.combineRows(rows.combiner(), rows.lookups(), tables[table].values(), rows.rowWidth(d),
                gatheredRows, gatheredWeights, 0, out, at);
    }

    private float[] weightTable(int table) {
        return tables[WEIGHTS_OF[table]].values();
    }

    private float biasOf(int table, int entity) {
        lookups[table].combine(entity, tables[table].values(), 1, bias, 0);
        return bias[0];
    }

    private void addBias(int table, int entity, float gradient) {
        if (gradient != 0f) {
            biasGrad[0] = gradient;
            addRows(table, entity, biasGrad, 0);
        }
    }

    /**
     * Applies (linear combination) or queues the gradients of {@code entity}'s rows of {@code table} from its
     * embedding's gradient.
     */
    private void addRows(int table, int entity, float[] embeddingGradient, int at) {
        EntityRows rows = lookups[table];
        SharedTable values = tables[table];
        if (direct[table]) {
            for (int j = 0; j < rows.lookups(); j++) {
                values.update(rows.row(entity, j), rows.scale(entity, j), embeddingGradient, at);
            }
            return;
        }
        int width = values.width();
        if (rows.trainable()) {
            // every gradient from the rows and weights as read: both tables' updates wait in the queue
            int k = rows.lookups();
            rows.gather(entity, weightTable(table), gatheredRows, gatheredWeights);
            for (int j = 0; j < k; j++) {
                int slot = pending[table]++;
                pendingRows[table][slot] = gatheredRows[j];
                LookupPlan.rowGradient(rows.combiner(), k, values.values(), width, gatheredRows, gatheredWeights, 0,
                        j, embeddingGradient, at, pendingGrads[table], slot * width);
            }
            int w = WEIGHTS_OF[table];
            int slot = pending[w]++;
            pendingRows[w][slot] = rows.weightRow(entity);
            LookupPlan.weightGradient(rows.combiner(), k, values.values(), width, gatheredRows, gatheredWeights, 0,
                    embeddingGradient, at, pendingGrads[w], slot * k);
            return;
        }
        for (int j = 0; j < rows.lookups(); j++) {
            int slot = pending[table]++;
            pendingRows[table][slot] = rows.row(entity, j);
            rows.rowGradient(entity, j, values.values(), width, embeddingGradient, at, pendingGrads[table],
                    slot * width);
        }
    }

    private void applyPending() {
        for (int t = 0; t < tables.length; t++) {
            SharedTable table = tables[t];
            int width = table.width();
            for (int slot = 0; slot < pending[t]; slot++) {
                table.update(pendingRows[t][slot], pendingGrads[t], slot * width);
            }
        }
    }

    private float dot(float[] a, float[] b, int bAt) {
        float s = 0;
        for (int c = 0; c < d; c++) {
            s += a[c] * b[bAt + c];
        }
        return s;
    }

    private double squares(float[] a, int at) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += (double) a[at + c] * a[at + c];
        }
        return s;
    }
}
