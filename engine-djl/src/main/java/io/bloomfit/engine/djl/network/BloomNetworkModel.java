package io.bloomfit.engine.djl.network;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.bloomfit.api.data.UserItems;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.TrainedModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted Bloom network. A user's input is the user's training items (the fit's training interactions), so
 * {@link #scoreAll} ranks every item for the user's held-out targets or next item; evaluation leaves the input
 * items out of the ranking as it does for every model.
 *
 * <p><b>Recovery</b> (the paper's likelihood recovery): with {@code log p} the m log-softmax outputs for a user,
 * item i scores {@code sum over its k positions p_j(i) of log p(p_j(i))}, higher is better (equivalently, rank by
 * {@code -sum log p} ascending). Every one of the d items is scored.
 *
 * <p>Scoring runs on the fit's device, one forward pass per batch of users; calls are serialised. Saving is not
 * supported yet: {@link #save} says so.
 */
public final class BloomNetworkModel implements TrainedModel {

    private final NetworkSpec network;
    private final BloomEncoding encoding;
    private final UserItems inputs;
    private final NetworkParameters parameters;
    private final FitReport report;
    private final int[] itemPositions;
    private final NDManager manager;
    private final NetworkGraph graph;
    private boolean closed;

    BloomNetworkModel(NetworkSpec network, BloomEncoding encoding, UserItems inputs, NetworkParameters parameters,
                      FitReport report, Device device) {
        this.network = network;
        this.encoding = encoding;
        this.inputs = inputs;
        this.parameters = parameters;
        this.report = report;
        this.itemPositions = encoding.allPositions();
        this.manager = Engine.getEngine("PyTorch").newBaseManager(device);
        NDArray[] arrays = BloomNetworkFit.upload(manager, parameters);
        for (NDArray a : arrays) {
            a.setRequiresGradient(false);
        }
        this.graph = new NetworkGraph(network, arrays);
    }

    /** The trained parameters. */
    public NetworkParameters parameters() {
        return parameters;
    }

    /** The hidden layers. */
    public NetworkSpec network() {
        return network;
    }

    /** The encoding of input and output. */
    public BloomEncoding encoding() {
        return encoding;
    }

    @Override
    public int numUsers() {
        return inputs.numUsers();
    }

    @Override
    public int numItems() {
        return encoding.items();
    }

    /** The m log-probabilities of each user's output, row-major {@code [u * m + p]}, input = training items. */
    public synchronized float[] logProbabilities(int[] users) {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        for (int u : users) {
            if (u < 0 || u >= inputs.numUsers()) {
                throw new IllegalArgumentException("user " + u + " is outside 0.." + (inputs.numUsers() - 1));
            }
        }
        PositionSets input = encoding.encode(BloomEncoding.setsOf(inputs, users));
        try (NDManager call = manager.newSubManager()) {
            return graph.logProbabilities(graph.hidden(input, null, call)).toFloatArray();
        }
    }

    @Override
    public float[][] scoreAll(int[] users) {
        float[][] out = new float[users.length][];
        if (users.length == 0) {
            return out;
        }
        float[] logP = logProbabilities(users);
        int m = encoding.positions();
        for (int b = 0; b < users.length; b++) {
            out[b] = recover(logP, b * m, itemPositions, encoding.lookups());
        }
        return out;
    }

    /**
     * The likelihood recovery: {@code score[i] = sum_j logP[offset + positions[i * k + j]]} for every item i.
     *
     * @param positions item-major positions, k per item
     */
    static float[] recover(float[] logP, int offset, int[] positions, int k) {
        int items = positions.length / k;
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            float s = 0;
            for (int j = 0; j < k; j++) {
                s += logP[offset + positions[i * k + j]];
            }
            scores[i] = s;
        }
        return scores;
    }

    /**
     * Not supported yet.
     *
     * @throws IOException always, saying so
     */
    @Override
    public void save(Path directory) throws IOException {
        throw new IOException("saving a bloom-network model is not supported yet; run without --save-models");
    }

    @Override
    public FitReport report() {
        return report;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
