package io.bloomfit.api.train;

import java.util.List;
import java.util.Objects;

/**
 * The layers of a {@link ModelKind#BLOOM_NETWORK} ({@code model.network} in a spec): the Bloom-encoded input of
 * m positions feeds {@code hidden.get(0)} units, each hidden layer is followed by {@code activation} and
 * {@code dropout}, and the last hidden layer feeds an m-unit softmax. Defaults ({@link #defaults()}): hidden
 * {@code [256, 128]}, {@code relu}, dropout {@code 0.2}.
 *
 * @param hidden     units of each hidden layer, input side first; at least one layer, each 1..65536 units
 * @param activation the nonlinearity after every hidden layer
 * @param dropout    probability of zeroing a hidden unit during training, in [0, 1)
 */
public record NetworkSpec(List<Integer> hidden, NetworkActivation activation, double dropout) {

    /** The most units a hidden layer may have. */
    public static final int MAX_UNITS = 1 << 16;

    public NetworkSpec {
        Objects.requireNonNull(hidden, "model.network.hidden");
        Objects.requireNonNull(activation, "model.network.activation");
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("model.network.hidden must list at least one layer, e.g. [256]");
        }
        for (int i = 0; i < hidden.size(); i++) {
            int units = hidden.get(i);
            if (units < 1 || units > MAX_UNITS) {
                throw new IllegalArgumentException("model.network.hidden[" + i + "] must be in 1.." + MAX_UNITS
                        + ", was " + units);
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("model.network.dropout must be in [0, 1), was " + dropout);
        }
    }

    /** Hidden {@code [256, 128]}, {@code relu}, dropout 0.2. */
    public static NetworkSpec defaults() {
        return new NetworkSpec(List.of(256, 128), NetworkActivation.RELU, 0.2);
    }

    /** Units of the first hidden layer: the width of the input layer's rows. */
    public int firstHidden() {
        return hidden.get(0);
    }

    /** Units of the last hidden layer: the width of the output layer's rows. */
    public int lastHidden() {
        return hidden.get(hidden.size() - 1);
    }

    /** Trainable floats of the input layer over {@code positions} (m) inputs: an m x h1 matrix and h1 biases. */
    public long inputLayerParameters(int positions) {
        return (long) positions * firstHidden() + firstHidden();
    }

    /** Trainable floats of the output layer over {@code positions} (m) outputs: an hL x m matrix and m biases. */
    public long outputLayerParameters(int positions) {
        return (long) positions * lastHidden() + positions;
    }

    /** Trainable floats of the whole network over {@code positions} (m) inputs and outputs. */
    public long parameters(int positions) {
        long total = inputLayerParameters(positions) + outputLayerParameters(positions);
        for (int l = 1; l < hidden.size(); l++) {
            total += (long) hidden.get(l - 1) * hidden.get(l) + hidden.get(l);
        }
        return total;
    }
}
