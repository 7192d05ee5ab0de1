package io.bloomfit.engine.djl.network;

/**
 * A batch of target position sets, padded to one width (targets are a fifth of a user's items, so padding them
 * is cheap; inputs are {@link PositionSets}, never padded): example {@code s} owns slots
 * {@code [s * width, (s + 1) * width)}; padding slots hold position 0 with weight 0.
 *
 * @param examples  sets in the batch
 * @param width     slots per example (the largest set's size, at least 1)
 * @param positions slot positions, example-major
 * @param weights   slot weights: {@code 1 / |set|} (the normalised target distribution), 0 for padding
 */
public record PaddedPositions(int examples, int width, int[] positions, float[] weights) {

    public PaddedPositions {
        if ((long) examples * width != positions.length || positions.length != weights.length) {
            throw new IllegalArgumentException(examples + " examples of width " + width + " need "
                    + ((long) examples * width) + " slots, got " + positions.length + " positions and "
                    + weights.length + " weights");
        }
    }

    /** The positions as 64-bit indices (what PyTorch's gather takes). */
    long[] longPositions() {
        long[] out = new long[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positions[i];
        }
        return out;
    }
}
