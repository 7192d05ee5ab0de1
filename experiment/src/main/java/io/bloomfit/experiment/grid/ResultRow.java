package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.FitReport;

import java.util.Objects;

/**
 * The outcome of one grid point, one line of {@code results.jsonl} (a flat JSON object whose snake_case field
 * names are a public contract, see {@link ResultRowJson}). Metrics are {@code null} and times NaN (JSON
 * {@code null}) where the point failed before producing them.
 *
 * @param point   which point
 * @param status  ok or failed
 * @param error   why it failed, or {@code null}
 * @param metrics ranking quality, or {@code null} when failed
 * @param fit     what the trainer did and reported
 * @param sizes   how big the model was
 * @param costs   what the point cost besides the fit, and when it finished
 * @param options the compressor options the point's layouts were built with, resolved: every option the
 *                compressor declares, with the point's, the tuned and the default values
 *                ({@link PluginOptions#NONE}, {@code null} reads as that, for compressors without options, the
 *                baseline, reference rows and points that failed before their options were resolved)
 */
public record ResultRow(GridPoint point, ResultStatus status, String error, RankingMetrics metrics, Fit fit,
                        Sizes sizes, Costs costs, PluginOptions options) {

    public ResultRow {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(costs, "costs");
        options = options == null ? PluginOptions.NONE : options;
    }

    /** A row of a point whose compressor ran with no options. */
    public ResultRow(GridPoint point, ResultStatus status, String error, RankingMetrics metrics, Fit fit,
                     Sizes sizes, Costs costs) {
        this(point, status, error, metrics, fit, sizes, costs, PluginOptions.NONE);
    }

    /**
     * The fit as the trainer reported it.
     *
     * @param trainer         trainer name
     * @param trainerOptions  the trainer's options the fit ran with ({@code trainer.options}, resolved: every option
     *                        the trainer declares); empty for trainers without options and rows stored before
     * @param device          device the trainer used, e.g. {@code cpu()}, or {@code null} when the fit never ran
     * @param threads         engine threads used
     * @param secondsPerEpoch wall seconds of each epoch, as the trainer measured them
     * @param lossPerEpoch    mean training loss of each epoch
     * @param fitSeconds      sum of the epochs, NaN when the fit did not finish
     * @param tuned           what tuning chose for this fit, or {@code null} when the spec has no {@code tune}
     */
    public record Fit(String trainer, PluginOptions trainerOptions, String device, int threads,
                      double[] secondsPerEpoch, double[] lossPerEpoch, double fitSeconds, TunedChoice tuned) {

        public Fit {
            trainerOptions = trainerOptions == null ? PluginOptions.NONE : trainerOptions;
            secondsPerEpoch = secondsPerEpoch == null ? new double[0] : secondsPerEpoch.clone();
            lossPerEpoch = lossPerEpoch == null ? new double[0] : lossPerEpoch.clone();
        }

        /** An untuned fit of a trainer without options. */
        public Fit(String trainer, String device, int threads, double[] secondsPerEpoch, double[] lossPerEpoch,
                   double fitSeconds) {
            this(trainer, PluginOptions.NONE, device, threads, secondsPerEpoch, lossPerEpoch, fitSeconds, null);
        }

        /**
         * The fit as {@code trainer} reported it: the one copy of a {@link FitReport} into a result row.
         *
         * @param trainerOptions the options the trainer ran with (resolved)
         * @param tuned          what tuning chose, or {@code null}
         */
        public static Fit of(String trainer, PluginOptions trainerOptions, FitReport report, TunedChoice tuned) {
            return new Fit(trainer, trainerOptions, report.device(), report.threads(), report.secondsPerEpoch(),
                    report.lossPerEpoch(), report.fitSeconds(), tuned);
        }

        @Override
        public double[] secondsPerEpoch() {
            return secondsPerEpoch.clone();
        }

        @Override
        public double[] lossPerEpoch() {
            return lossPerEpoch.clone();
        }

        /** Mean seconds per epoch, NaN when no epoch finished. */
        public double meanSecondsPerEpoch() {
            if (secondsPerEpoch.length == 0) {
                return Double.NaN;
            }
            double total = 0;
            for (double s : secondsPerEpoch) {
                total += s;
            }
            return total / secondsPerEpoch.length;
        }
    }

    /**
     * How big the point's model was.
     *
     * @param parameters    trainable floats: every embedding table row times the dimension, plus the per-entity
     *                      biases, as the trainer counted them ({@code FitReport.parameters}); the one definition
     *                      of "parameters" in results.jsonl, summary.csv, report.html and the console table.
     *                      A point that failed before its fit reported counts its layouts' tables only
     * @param bytes         float32 bytes of the parameters plus the bytes of the index maps
     * @param achievedRatio rows per entity over the compressed side(s) (1 for the baseline)
     * @param userLayout    user-side layout statistics, or {@code null} when the point failed before
     * @param itemLayout    item-side layout statistics, or {@code null}
     * @param layers        the input and output layers of a {@code bloom-network} point, {@code null} for
     *                      factorization models
     */
    public record Sizes(long parameters, long bytes, double achievedRatio, LayoutStats userLayout,
                        LayoutStats itemLayout, LayerSizes layers) {

        /** Sizes of a factorization model (no network layers). */
        public Sizes(long parameters, long bytes, double achievedRatio, LayoutStats userLayout,
                     LayoutStats itemLayout) {
            this(parameters, bytes, achievedRatio, userLayout, itemLayout, null);
        }
    }

    /**
     * The layers a Bloom network's m shrinks: the input layer ({@code m x h1} weights and {@code h1} biases) and the
     * output layer ({@code hL x m} weights and {@code m} biases), in float32.
     *
     * @param inputParameters  trainable floats of the input layer
     * @param outputParameters trainable floats of the output layer
     */
    public record LayerSizes(long inputParameters, long outputParameters) {

        public long inputBytes() {
            return inputParameters * Float.BYTES;
        }

        public long outputBytes() {
            return outputParameters * Float.BYTES;
        }
    }

    /**
     * What the point cost besides the fit, and when it finished.
     *
     * @param layoutSeconds seconds to build both layouts
     * @param evalSeconds   seconds to rank all test users
     * @param peakHeapBytes peak Java heap during the point (native engine memory is not included)
     * @param finishedAt    ISO-8601 instant the point finished
     * @param timedIn       the process that timed the point ({@link #THIS_PROCESS} when it ran here), or
     *                      {@code null} when unknown (rows stored before this field existed): timings of different
     *                      processes are not compared
     */
    public record Costs(double layoutSeconds, double evalSeconds, long peakHeapBytes, String finishedAt,
                        String timedIn) {

        /** This JVM, as {@code pid@start-instant}: unique across the runs that can share a store. */
        public static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

        /** Costs of a point timed in an unknown process. */
        public Costs(double layoutSeconds, double evalSeconds, long peakHeapBytes, String finishedAt) {
            this(layoutSeconds, evalSeconds, peakHeapBytes, finishedAt, null);
        }
    }

    public boolean ok() {
        return status == ResultStatus.OK;
    }

    /** Mean seconds per epoch, NaN when no epoch finished. */
    public double secondsPerEpoch() {
        return fit.meanSecondsPerEpoch();
    }

    public double mrr() {
        return metrics == null ? Double.NaN : metrics.mrr();
    }
}
