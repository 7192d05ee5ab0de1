package io.bloomfit.engine.djl;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained factorization model: score(u, i) = &lt;U(u), V(i)&gt; + b_u + b_i, where U and V combine the
 * looked-up rows of the compressed tables. Scoring runs on plain Java arrays (no native memory): the combined
 * user and item matrices are materialised once, the item matrix transposed so that scoring a block of users
 * is a series of vectorisable multiply-adds over cache-sized blocks of items. Immutable and thread-safe.
 */
public final class FactorizationModel implements TrainedModel {

    private static final int ITEM_BLOCK = 2048;

    private final ModelSpec spec;
    private final EmbeddingLayout userLayout;
    private final EmbeddingLayout itemLayout;
    private final ModelParameters parameters;
    private final FitReport report;
    private final int numUsers;
    private final int numItems;
    private final int dimension;
    private final float[] userVectors;   // numUsers x dimension
    private final float[] itemColumns;   // dimension x numItems (transposed)
    private final float[] itemVectors;   // numItems x dimension
    private final float[] userBiases;
    private final float[] itemBiases;
    private volatile boolean closed;

    FactorizationModel(ModelSpec spec, EmbeddingLayout userLayout, EmbeddingLayout itemLayout,
                       ModelParameters parameters, FitReport report) {
        this.spec = spec;
        this.userLayout = userLayout;
        this.itemLayout = itemLayout;
        this.parameters = parameters;
        this.report = report;
        this.numUsers = userLayout.numEntities();
        this.numItems = itemLayout.numEntities();
        this.dimension = spec.dimension();
        this.userVectors = parameters.combineAll(TableId.USER_VECTORS, numUsers);
        this.itemVectors = parameters.combineAll(TableId.ITEM_VECTORS, numItems);
        this.userBiases = parameters.combineAll(TableId.USER_BIASES, numUsers);
        this.itemBiases = parameters.combineAll(TableId.ITEM_BIASES, numItems);
        this.itemColumns = new float[itemVectors.length];
        for (int i = 0; i < numItems; i++) {
            for (int d = 0; d < dimension; d++) {
                itemColumns[d * numItems + i] = itemVectors[i * dimension + d];
            }
        }
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

    ModelParameters parameters() {
        return parameters;
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

    @Override
    public float[][] scoreAll(int[] users) {
        checkOpen();
        for (int u : users) {
            checkUser(u);
        }
        float[][] out = new float[users.length][numItems];
        for (int from = 0; from < numItems; from += ITEM_BLOCK) {
            int to = Math.min(numItems, from + ITEM_BLOCK);
            for (int r = 0; r < users.length; r++) {
                scoreBlock(users[r], out[r], from, to);
            }
        }
        return out;
    }

    /** Scores items [from, to) for one user into {@code row}, in the same order of operations as score(). */
    private void scoreBlock(int user, float[] row, int from, int to) {
        int base = user * dimension;
        for (int d = 0; d < dimension; d++) {
            float a = userVectors[base + d];
            int column = d * numItems;
            for (int i = from; i < to; i++) {
                row[i] += a * itemColumns[column + i];
            }
        }
        float ub = userBiases[user];
        for (int i = from; i < to; i++) {
            row[i] = row[i] + ub + itemBiases[i];
        }
    }

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
            float s = 0;
            int ib = item * dimension;
            for (int d = 0; d < dimension; d++) {
                s += userVectors[base + d] * itemVectors[ib + d];
            }
            out[n] = s + ub + itemBiases[item];
        }
        return out;
    }

    @Override
    public int[] recommend(int user, int k, int[] exclude) {
        checkOpen();
        checkUser(user);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        float[] scores = new float[numItems];
        scoreBlock(user, scores, 0, numItems);
        boolean[] excluded = new boolean[numItems];
        for (int item : exclude) {
            checkItem(item);
            excluded[item] = true;
        }
        return TopK.select(scores, excluded, k);
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

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this model was closed");
        }
    }

    private void checkUser(int user) {
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
