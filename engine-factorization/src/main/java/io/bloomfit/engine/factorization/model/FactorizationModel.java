package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.ModelSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A trained factorization model, engine-neutral: score(u, i) = b_u + b_i + &lt;U(u), V(i)&gt;, where U and V
 * combine the looked-up rows of the compressed tables. The combined user and item matrices are materialised once
 * in Java arrays (the items transposed, so that scoring a user against a block of items is a loop the JIT
 * vectorises); every score is computed in Java, in the same order by {@link #score} and {@link #scoreAll}, so the
 * two agree exactly. Saved and loaded by {@link ModelFiles}. Thread-safe: the arrays are never written after
 * construction.
 */
public final class FactorizationModel implements Factorized {

    /** Items scored together per user: a block of the transposed item matrix stays in the core's cache. */
    private static final int ITEM_BLOCK = 2048;

    private final ModelSpec spec;
    private final EmbeddingLayout userLayout;
    private final EmbeddingLayout itemLayout;
    private final ModelParameters parameters;
    private final FitReport report;
    private final ModelOrigin origin;
    private final int numUsers;
    private final int numItems;
    private final int dimension;
    private final float[] userVectors;   // numUsers x dimension
    private final float[] itemVectors;   // numItems x dimension
    private final float[] itemColumns;   // dimension x numItems: V transposed
    private final float[] userBiases;
    private final float[] itemBiases;
    private volatile boolean closed;

    /**
     * A model over trained {@code parameters} (which it keeps: the caller must not change them afterwards).
     *
     * @param origin the trainer that fitted it (written into saved manifests)
     */
    public FactorizationModel(ModelSpec spec, EmbeddingLayout userLayout, EmbeddingLayout itemLayout,
                              ModelParameters parameters, FitReport report, ModelOrigin origin) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.userLayout = Objects.requireNonNull(userLayout, "userLayout");
        this.itemLayout = Objects.requireNonNull(itemLayout, "itemLayout");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.report = Objects.requireNonNull(report, "report");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.numUsers = userLayout.numEntities();
        this.numItems = itemLayout.numEntities();
        this.dimension = spec.architecture().dimension();
        this.userVectors = parameters.combineAll(TableId.USER_VECTORS, numUsers);
        this.itemVectors = parameters.combineAll(TableId.ITEM_VECTORS, numItems);
        this.userBiases = parameters.combineAll(TableId.USER_BIASES, numUsers);
        this.itemBiases = parameters.combineAll(TableId.ITEM_BIASES, numItems);
        this.itemColumns = new float[Math.multiplyExact(dimension, numItems)];
        for (int i = 0; i < numItems; i++) {
            for (int d = 0; d < dimension; d++) {
                itemColumns[d * numItems + i] = itemVectors[i * dimension + d];
            }
        }
    }

    @Override
    public FactorizationModel factorization() {
        return this;
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    /** The hyperparameters this model was fitted with. */
    public ModelSpec spec() {
        return spec;
    }

    public EmbeddingLayout userLayout() {
        return userLayout;
    }

    public EmbeddingLayout itemLayout() {
        return itemLayout;
    }

    /** The trained tables (not a copy: do not change them). */
    public ModelParameters parameters() {
        return parameters;
    }

    /** The trainer that fitted this model. */
    public ModelOrigin origin() {
        return origin;
    }

    /** The combined embedding of {@code user} (a copy). */
    public float[] userVector(int user) {
        checkUser(user);
        float[] v = new float[dimension];
        System.arraycopy(userVectors, user * dimension, v, 0, dimension);
        return v;
    }

    /** The combined embedding of {@code item} (a copy). */
    public float[] itemVector(int item) {
        checkItem(item);
        float[] v = new float[dimension];
        System.arraycopy(itemVectors, item * dimension, v, 0, dimension);
        return v;
    }

    public float userBias(int user) {
        checkUser(user);
        return userBiases[user];
    }

    public float itemBias(int item) {
        checkItem(item);
        return itemBiases[item];
    }

    /**
     * The combined user vectors with the bias and a one appended, {@code users.length} rows of
     * {@code dimension + 2}: {@code [U(u), b_u, 1]}, the left factor of a scoring product whose right factor is
     * {@code [V^T; 1; b_i]} (for engines that score with a matrix product).
     */
    public float[] augmentedUsers(int[] users) {
        int width = dimension + 2;
        float[] u = new float[Math.multiplyExact(users.length, width)];
        for (int r = 0; r < users.length; r++) {
            checkUser(users[r]);
            System.arraycopy(userVectors, users[r] * dimension, u, r * width, dimension);
            u[r * width + dimension] = userBiases[users[r]];
            u[r * width + dimension + 1] = 1f;
        }
        return u;
    }

    /** {@code [V^T; 1; b_i]}: {@code dimension + 2} rows of {@code numItems} (see {@link #augmentedUsers}). */
    public float[] augmentedItemColumns() {
        float[] columns = new float[Math.multiplyExact(dimension + 2, numItems)];
        System.arraycopy(itemColumns, 0, columns, 0, itemColumns.length);
        java.util.Arrays.fill(columns, dimension * numItems, (dimension + 1) * numItems, 1f);
        System.arraycopy(itemBiases, 0, columns, (dimension + 1) * numItems, numItems);
        return columns;
    }

    @Override
    public float[][] scoreAll(int[] users) {
        checkOpen();
        for (int user : users) {
            checkUser(user);
        }
        float[][] out = new float[users.length][numItems];
        for (int from = 0; from < numItems; from += ITEM_BLOCK) {
            int to = Math.min(numItems, from + ITEM_BLOCK);
            for (int r = 0; r < users.length; r++) {
                scoreBlock(users[r], from, to, out[r]);
            }
        }
        return out;
    }

    /** Scores of items {@code [from, to)} for {@code user} into {@code out[from, to)}: biases, then d by d. */
    private void scoreBlock(int user, int from, int to, float[] out) {
        float ub = userBiases[user];
        for (int i = from; i < to; i++) {
            out[i] = ub + itemBiases[i];
        }
        int base = user * dimension;
        for (int d = 0; d < dimension; d++) {
            float ud = userVectors[base + d];
            int column = d * numItems;
            for (int i = from; i < to; i++) {
                out[i] += ud * itemColumns[column + i];
            }
        }
    }

    /**
     * The same floats as the {@link io.bloomfit.api.train.TrainedModel#score default} (this model's {@link #scoreAll} row), without
     * scoring every item: each score is summed in the order {@link #scoreAll} sums it.
     */
    @Override
    public float[] score(int user, int[] items) {
        checkOpen();
        checkUser(user);
        float[] out = new float[items.length];
        int base = user * dimension;
        float ub = userBiases[user];
        for (int n = 0; n < items.length; n++) {
            int item = items[n];
            checkItem(item);
            float s = ub + itemBiases[item];
            int ib = item * dimension;
            for (int d = 0; d < dimension; d++) {
                s += userVectors[base + d] * itemVectors[ib + d];
            }
            out[n] = s;
        }
        return out;
    }

    @Override
    public void save(Path directory) throws IOException {
        checkOpen();
        ModelFiles.save(this, directory);
    }

    @Override
    public FitReport report() {
        return report;
    }

    /** Nothing native to free: marks the model closed, after which it refuses to score. */
    @Override
    public void close() {
        closed = true;
    }

    /** Throws when this model was closed. */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this model was closed");
        }
    }

    /** Throws, naming the index and the range, when {@code user} is not a user of this model. */
    public void checkUser(int user) {
        if (user < 0 || user >= numUsers) {
            throw new IllegalArgumentException("user index " + user + " is outside 0.." + (numUsers - 1));
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= numItems) {
            throw new IllegalArgumentException("item index " + item + " is outside 0.." + (numItems - 1));
        }
    }
}
