package io.bloomfit.experiment;

import io.bloomfit.experiment.store.ResultStore;

/**
 * The outcome of one grid point, one line of {@code results.jsonl} (field names there are snake_case, e.g.
 * {@code precision_at_10}; see {@link ResultStore}). Metrics are NaN (JSON {@code null}) when the point failed.
 *
 * @param point              which point
 * @param status             {@code ok} or {@code failed}
 * @param error              why it failed, or {@code null}
 * @param metrics            ranking quality, or {@code null} when failed
 * @param fitSecondsPerEpoch wall seconds of each epoch, as the trainer measured them
 * @param lossPerEpoch       mean training loss of each epoch
 * @param fitSeconds         sum of the epochs
 * @param evalSeconds        seconds to rank all test users
 * @param layoutSeconds      seconds to build both layouts
 * @param parameters         trainable floats (embedding tables, plus biases when the trainer reports them)
 * @param bytes              float32 bytes of the parameters plus the bytes of the index maps
 * @param achievedRatio      rows per entity over the compressed side(s) (1 for the baseline)
 * @param userLayout         user-side layout statistics, or {@code null} when the point failed before
 * @param itemLayout         item-side layout statistics, or {@code null}
 * @param peakHeapBytes      peak Java heap during the point (native engine memory is not included)
 * @param device             device the trainer used, e.g. {@code cpu()}
 * @param threads            engine threads used
 * @param trainer            trainer name
 * @param finishedAt         ISO-8601 instant the point finished
 */
public record ResultRow(GridPoint point, String status, String error, RankingMetrics metrics,
                        double[] fitSecondsPerEpoch, double[] lossPerEpoch, double fitSeconds, double evalSeconds,
                        double layoutSeconds, long parameters, long bytes, double achievedRatio,
                        LayoutStats userLayout, LayoutStats itemLayout, long peakHeapBytes, String device,
                        int threads, String trainer, String finishedAt) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public ResultRow {
        fitSecondsPerEpoch = fitSecondsPerEpoch == null ? new double[0] : fitSecondsPerEpoch.clone();
        lossPerEpoch = lossPerEpoch == null ? new double[0] : lossPerEpoch.clone();
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** Mean seconds per epoch, NaN when no epoch finished. */
    public double secondsPerEpoch() {
        if (fitSecondsPerEpoch.length == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (double s : fitSecondsPerEpoch) {
            total += s;
        }
        return total / fitSecondsPerEpoch.length;
    }

    public double mrr() {
        return metrics == null ? Double.NaN : metrics.mrr();
    }

    @Override
    public double[] fitSecondsPerEpoch() {
        return fitSecondsPerEpoch.clone();
    }

    @Override
    public double[] lossPerEpoch() {
        return lossPerEpoch.clone();
    }
}
