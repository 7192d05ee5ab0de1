package io.bloomfit.report.stats;

/**
 * The mean of some repeated measurements with its spread: sample standard deviation ({@code n - 1}) and the 95%
 * confidence interval {@code mean +- t(0.975, n - 1) * sd / sqrt(n)}. With one value the spread and the interval do
 * not exist (NaN), rather than pretending to be 0.
 *
 * @param n    finite values used
 * @param mean their mean, NaN when there are none
 * @param sd   sample standard deviation, NaN below 2 values
 * @param low  lower end of the 95% interval, NaN below 2 values
 * @param high upper end of the 95% interval, NaN below 2 values
 */
public record MeanInterval(int n, double mean, double sd, double low, double high) {

    /** The confidence level of every interval here. */
    public static final double LEVEL = 0.95;

    /** The statistics of the finite entries of {@code values} (NaN entries, e.g. failed runs, are skipped). */
    public static MeanInterval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = StudentT.quantile(1 - (1 - LEVEL) / 2, n - 1) * sd / Math.sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }

    /** Whether the interval exists (at least two values). */
    public boolean hasInterval() {
        return n >= 2;
    }

    /** Whether the interval holds {@code value}; false when there is no interval. */
    public boolean contains(double value) {
        return hasInterval() && low <= value && value <= high;
    }
}
