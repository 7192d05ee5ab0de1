package io.bloomfit.api.train;

/**
 * How a fit went, reported with every result so timings can be compared honestly.
 *
 * @param secondsPerEpoch wall-clock seconds of each epoch (training steps only)
 * @param lossPerEpoch    mean training loss of each epoch
 * @param device          the device actually used, e.g. {@code cpu()} or {@code gpu(0)}
 * @param threads         intra-op threads the engine used
 * @param parameters      trainable floats (tables and biases)
 */
public record FitReport(double[] secondsPerEpoch, double[] lossPerEpoch, String device, int threads,
                        long parameters) {

    public FitReport {
        secondsPerEpoch = secondsPerEpoch.clone();
        lossPerEpoch = lossPerEpoch.clone();
    }

    @Override
    public double[] secondsPerEpoch() {
        return secondsPerEpoch.clone();
    }

    @Override
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }

    /** Total seconds over all epochs. */
    public double fitSeconds() {
        double total = 0;
        for (double s : secondsPerEpoch) {
            total += s;
        }
        return total;
    }
}
