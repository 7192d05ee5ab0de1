package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * A trained factorization model: score(u, i) = &lt;U(u), V(i)&gt; + b_u + b_i, where U and V combine the
 * looked-up rows of the compressed tables. The combined user and item matrices are materialised once; the
 * transposed item matrix and item biases also live in a PyTorch array on the CPU, so {@link #scoreAll} is one
 * matrix product per batch of users (PyTorch's sgemm, with the engine's intra-op threads). {@link #score} and
 * the embeddings accessors run on the Java copies. Thread-safe; {@link #close} frees the native arrays.
 */
public final class FactorizationModel implements TrainedModel {

    private final ModelSpec spec;
    private final EmbeddingLayout userLayout;
    private final EmbeddingLayout itemLayout;
    private final ModelParameters parameters;
    private final FitReport report;
    private final int numUsers;
    private final int numItems;
    private final int dimension;
    private final float[] userVectors;   // numUsers x dimension
    private final NDManager scoring;
    private final NDArray itemColumns;   // (dimension + 2) x numItems: V^T, a row of ones, the item biases
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
        this.scoring = Engine.getEngine(FitLoop.ENGINE).newBaseManager(Device.cpu());
        // scores = [U, b_u, 1] x [V^T; 1; b_i]: biases folded into one matrix product, no extra passes
        float[] augmented = new float[Math.multiplyExact(dimension + 2, numItems)];
        for (int i = 0; i < numItems; i++) {
            for (int d = 0; d < dimension; d++) {
                augmented[d * numItems + i] = itemVectors[i * dimension + d];
            }
            augmented[dimension * numItems + i] = 1f;
            augmented[(dimension + 1) * numItems + i] = itemBiases[i];
        }
        this.itemColumns = scoring.create(augmented, new Shape(dimension + 2, numItems));
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
        int width = dimension + 2;
        float[] u = new float[Math.multiplyExact(users.length, width)];
        for (int r = 0; r < users.length; r++) {
            checkUser(users[r]);
            System.arraycopy(userVectors, users[r] * dimension, u, r * width, dimension);
            u[r * width + dimension] = userBiases[users[r]];
            u[r * width + dimension + 1] = 1f;
        }
        float[][] out = new float[users.length][];
        if (users.length == 0) {
            return out;
        }
        try (NDManager call = scoring.newSubManager()) {
            NDArray scores = call.create(u, new Shape(users.length, width)).matMul(itemColumns);
            FloatBuffer flat = scores.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int r = 0; r < users.length; r++) {
                out[r] = new float[numItems];
                flat.get(out[r]);
            }
        }
        return out;
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
        float[] scores = scoreAll(new int[] {user})[0];
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
    public synchronized void close() {
        if (!closed) {
            closed = true;
            scoring.close();
        }
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
