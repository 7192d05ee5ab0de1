package io.bloomfit.engine.djl.network;

import io.bloomfit.api.train.NetworkSpec;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of a Bloom network as row-major float arrays, in a fixed order: the input layer
 * ({@code m x h1} weights, one row per position, then {@code h1} biases), each further hidden layer
 * ({@code h(l-1) x h(l)}, then {@code h(l)}), and the output layer ({@code m x hL} weights, again one row per
 * position, then {@code m} biases). Position-major input and output weights are what makes the sparse input a
 * gather of rows and a permutation of positions a permutation of rows.
 *
 * @param positions m
 * @param network   the hidden layers
 * @param values    one array per tensor, in the order above
 */
public record NetworkParameters(int positions, NetworkSpec network, float[][] values) {

    public NetworkParameters {
        Objects.requireNonNull(network, "network");
        long[][] shapes = shapes(positions, network);
        if (values.length != shapes.length) {
            throw new IllegalArgumentException("a network of " + network.hidden().size() + " hidden layers has "
                    + shapes.length + " tensors, got " + values.length);
        }
        for (int t = 0; t < shapes.length; t++) {
            long size = shapes[t].length == 1 ? shapes[t][0] : shapes[t][0] * shapes[t][1];
            if (values[t].length != size) {
                throw new IllegalArgumentException("tensor " + t + " needs " + size + " floats, got "
                        + values[t].length);
            }
        }
    }

    /** Tensor shapes in order: {rows, columns} for matrices, {length} for biases. */
    public static long[][] shapes(int positions, NetworkSpec network) {
        List<Integer> h = network.hidden();
        long[][] shapes = new long[2 * (h.size() + 1)][];
        shapes[0] = new long[] {positions, h.get(0)};
        shapes[1] = new long[] {h.get(0)};
        for (int l = 1; l < h.size(); l++) {
            shapes[2 * l] = new long[] {h.get(l - 1), h.get(l)};
            shapes[2 * l + 1] = new long[] {h.get(l)};
        }
        shapes[2 * h.size()] = new long[] {positions, network.lastHidden()};
        shapes[2 * h.size() + 1] = new long[] {positions};
        return shapes;
    }

    /** Index of the output layer's weights ({@code m x hL}); its biases follow. */
    public int outputWeights() {
        return 2 * network.hidden().size();
    }

    /** Trainable floats in all. */
    public long count() {
        long total = 0;
        for (float[] v : values) {
            total += v.length;
        }
        return total;
    }
}
