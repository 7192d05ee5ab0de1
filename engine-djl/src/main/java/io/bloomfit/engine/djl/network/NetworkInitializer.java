package io.bloomfit.engine.djl.network;

import io.bloomfit.api.train.NetworkSpec;

import java.util.SplittableRandom;

/** Where a Bloom network's parameters start. */
@FunctionalInterface
public interface NetworkInitializer {

    /**
     * Glorot (Xavier) uniform weights, {@code U(-a, a)} with {@code a = sqrt(6 / (fanIn + fanOut))} of the layer
     * (the input layer maps m inputs to h1, the output layer hL to m), biases zero. Each tensor draws from its own
     * {@link SplittableRandom} split off one seeded with {@code seed}, rows in order.
     */
    NetworkInitializer GLOROT = (positions, network, seed) -> {
        long[][] shapes = NetworkParameters.shapes(positions, network);
        float[][] values = new float[shapes.length][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < shapes.length; t++) {
            SplittableRandom tensor = random.split();
            if (shapes[t].length == 1) {
                values[t] = new float[(int) shapes[t][0]];
                continue;
            }
            long rows = shapes[t][0];
            long columns = shapes[t][1];
            float[] w = new float[Math.toIntExact(rows * columns)];
            double a = Math.sqrt(6.0 / (rows + columns)); // fan-in + fan-out alike for (m x h) and (h x m)
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((tensor.nextDouble() * 2 - 1) * a);
            }
            values[t] = w;
        }
        return new NetworkParameters(positions, network, values);
    };

    /** The starting parameters of a network over {@code positions} (m) inputs and outputs. */
    NetworkParameters initial(int positions, NetworkSpec network, long seed);
}
