package io.bloomfit.engine.djl.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import io.bloomfit.api.train.NetworkActivation;
import io.bloomfit.api.train.NetworkSpec;

import java.util.SplittableRandom;

/**
 * The forward pass and loss of a Bloom network over DJL arrays ({@link NetworkParameters}'s order):
 * <pre>
 *   x1 = act(sum over the input's set positions p of Win[p] + bin)      gather-and-sum, never a dense input
 *                                                                       nor padding to the longest set
 *   xl = act(x(l-1) Wl + bl)                                            l = 2..L, dropout after each layer
 *   z  = xL Wout^T + bout                                               m logits
 *   loss = mean over examples of -sum_p t(p) log softmax(z)(p)          t: the target's set positions, each 1/|set|
 * </pre>
 * Dropout (training only) multiplies hidden units by a mask of {@code 0} or {@code 1 / (1 - dropout)} drawn in
 * Java from the epoch's seeded random numbers, so masks do not depend on m, the engine or the device.
 */
final class NetworkGraph {

    private final NetworkSpec network;
    private final NDArray[] parameters;

    /** @param parameters the tensors of {@link NetworkParameters}, in its order */
    NetworkGraph(NetworkSpec network, NDArray[] parameters) {
        this.network = network;
        this.parameters = parameters;
    }

    /**
     * The last hidden layer's activations (batch x hL) for {@code input}; {@code dropout} null when scoring. The
     * input layer gathers the rows of every set position of the batch (no padding) and sums each set's run as the
     * difference of a running sum at the run's ends, accumulated in float64 so the difference loses nothing.
     */
    NDArray hidden(PositionSets input, SplittableRandom dropout, NDManager step) {
        int b = input.examples();
        int h1 = network.firstHidden();
        NDArray x;
        if (input.positions().length == 0) {
            x = step.zeros(new Shape(b, h1)).add(parameters[1]);
        } else {
            NDArray rows = Embedding.embedding(step.create(input.positions()), parameters[0], SparseFormat.DENSE)
                    .singletonOrThrow().toType(DataType.FLOAT64, false);
            NDArray running = step.zeros(new Shape(1, h1), DataType.FLOAT64).concat(rows.cumSum(0), 0);
            int[] starts = java.util.Arrays.copyOf(input.offsets(), b);
            int[] ends = java.util.Arrays.copyOfRange(input.offsets(), 1, b + 1);
            NDArray sums = Embedding.embedding(step.create(ends), running, SparseFormat.DENSE).singletonOrThrow()
                    .sub(Embedding.embedding(step.create(starts), running, SparseFormat.DENSE).singletonOrThrow());
            x = sums.toType(DataType.FLOAT32, false).add(parameters[1]);
        }
        x = dropout(activate(x), dropout, step);
        for (int l = 1; l < network.hidden().size(); l++) {
            x = dropout(activate(x.matMul(parameters[2 * l]).add(parameters[2 * l + 1])), dropout, step);
        }
        return x;
    }

    /** Log-probabilities (batch x m) of every position. */
    NDArray logProbabilities(NDArray hidden) {
        int out = 2 * network.hidden().size();
        return hidden.matMul(parameters[out].transpose()).add(parameters[out + 1]).logSoftmax(1);
    }

    /** Mean cross-entropy of the batch against the normalised targets. */
    NDArray loss(PositionSets input, PaddedPositions targets, SplittableRandom dropout, NDManager step) {
        NDArray logP = logProbabilities(hidden(input, dropout, step));
        int b = targets.examples();
        NDArray index = step.create(targets.longPositions(), new Shape(b, targets.width()));
        NDArray picked = logP.gather(index, 1);
        return picked.mul(step.create(targets.weights(), new Shape(b, targets.width()))).sum().neg().div(b);
    }

    private NDArray activate(NDArray x) {
        NetworkActivation activation = network.activation();
        return switch (activation) {
            case RELU -> Activation.relu(x);
            case TANH -> Activation.tanh(x);
            case SIGMOID -> Activation.sigmoid(x);
        };
    }

    private NDArray dropout(NDArray x, SplittableRandom random, NDManager step) {
        double p = network.dropout();
        if (random == null || p == 0) {
            return x;
        }
        long[] shape = x.getShape().getShape();
        float[] mask = new float[Math.toIntExact(shape[0] * shape[1])];
        float keep = (float) (1 / (1 - p));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < p ? 0f : keep;
        }
        return x.mul(step.create(mask, new Shape(shape)));
    }
}
