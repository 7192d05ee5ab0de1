package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.Factorized;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * A {@link FactorizationModel} scored with libtorch: the transposed item matrix and item biases live in a
 * PyTorch array on the CPU, so {@link #scoreAll} is one matrix product per batch of users (PyTorch's sgemm, with
 * the engine's intra-op threads): {@code [U, b_u, 1] x [V^T; 1; b_i]}. Single scores and top-k are read off that
 * product ({@link io.bloomfit.api.train.TrainedModel}'s defaults); saving is the engine-neutral model's. Scores agree with {@link FactorizationModel#scoreAll} up to float
 * rounding (the order of the sums differs). Thread-safe; {@link #close} frees the native array.
 */
public final class DjlFactorizationModel implements Factorized {

    private final FactorizationModel model;
    private final NDManager scoring;
    private final NDArray itemColumns;   // (dimension + 2) x numItems
    private boolean closed;

    DjlFactorizationModel(FactorizationModel model) {
        this.model = model;
        this.scoring = Engine.getEngine(DjlFit.ENGINE).newBaseManager(Device.cpu());
        this.itemColumns = scoring.create(model.augmentedItemColumns(),
                new Shape(model.spec().architecture().dimension() + 2, model.numItems()));
    }

    @Override
    public FactorizationModel factorization() {
        return model;
    }

    @Override
    public int numUsers() {
        return model.numUsers();
    }

    @Override
    public int numItems() {
        return model.numItems();
    }

    @Override
    public float[][] scoreAll(int[] users) {
        model.checkOpen();
        float[] u = model.augmentedUsers(users);
        float[][] out = new float[users.length][];
        if (users.length == 0) {
            return out;
        }
        int numItems = model.numItems();
        try (NDManager call = scoring.newSubManager()) {
            NDArray scores = call.create(u, new Shape(users.length, model.spec().architecture().dimension() + 2))
                    .matMul(itemColumns);
            FloatBuffer flat = scores.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int r = 0; r < users.length; r++) {
                out[r] = new float[numItems];
                flat.get(out[r]);
            }
        }
        return out;
    }

    @Override
    public void save(Path directory) throws IOException {
        model.save(directory);
    }

    @Override
    public FitReport report() {
        return model.report();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            model.close();
            scoring.close();
        }
    }
}
