package io.bloomfit.report;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.Sides;

/**
 * One (compressor, hash, ratio, k, sides, options) group of result rows, aggregated over its repeats. Spreads are sample
 * standard deviations (n - 1 in the denominator; NaN, shown as {@code -}, for a single run). Relative numbers compare with the
 * {@code plain} baseline's means: {@code relativeMrr = mrr / plainMrr}, {@code speedup = plainSecondsPerEpoch /
 * secondsPerEpoch} (above 1 means faster than plain).
 *
 * @param group      which points were aggregated
 * @param runs       ok rows aggregated
 * @param failed     failed rows of this group
 * @param quality    mean ranking quality
 * @param speed      mean training speed
 * @param size       mean model size
 * @param firstError the first failure's message, or {@code null}
 */
public record SummaryRow(Group group, int runs, int failed, Quality quality, Speed speed, Size size,
                         String firstError) {

    /**
     * The grid coordinates a group shares (every field of a point but repeat and seed).
     *
     * @param compressor compressor name
     * @param hash       hash function or {@code null}
     * @param ratio      requested ratio
     * @param hashes     k
     * @param sides      compressed sides
     * @param options    the compressor options the grid gave the points ({@link GridPoint#options()}; none:
     *                   {@link PluginOptions#NONE}, {@code null} reads as that)
     */
    public record Group(String compressor, String hash, double ratio, int hashes, Sides sides,
                        PluginOptions options) {

        public Group {
            options = options == null ? PluginOptions.NONE : options;
        }

        /** A group without compressor options. */
        public Group(String compressor, String hash, double ratio, int hashes, Sides sides) {
            this(compressor, hash, ratio, hashes, sides, PluginOptions.NONE);
        }

        /** The options as {@code name=value,...} ({@link GridPoint#optionsText}); empty without options. */
        public String optionsText() {
            return GridPoint.optionsText(options);
        }

        /** The compressor with its options, e.g. {@code bloom-hybrid hotShare=0.25}; the name alone without. */
        public String compressorWithOptions() {
            return options.isEmpty() ? compressor : compressor + " " + optionsText();
        }
    }

    /**
     * Mean ranking quality over the group's ok rows.
     *
     * @param mrr           mean MRR
     * @param mrrStd        its spread
     * @param precisionAt10 mean P@10
     * @param recallAt10    mean R@10
     * @param ndcgAt10      mean NDCG@10
     * @param relativeMrr   mrr over the baseline's, NaN without a baseline
     */
    public record Quality(double mrr, double mrrStd, double precisionAt10, double recallAt10, double ndcgAt10,
                          double relativeMrr) {
    }

    /**
     * Mean training speed over the group's ok rows.
     *
     * @param secondsPerEpoch    mean seconds per epoch (each row's epochs averaged first)
     * @param secondsPerEpochStd its spread
     * @param speedup            baseline seconds per epoch over this group's, NaN without a baseline or when
     *                           not comparable
     * @param comparable         whether this group and the baseline were timed in one process, so the speedup
     *                           means something (false after a resume that did not time them again)
     */
    public record Speed(double secondsPerEpoch, double secondsPerEpochStd, double speedup, boolean comparable) {
    }

    /**
     * Mean model size over the group's ok rows.
     *
     * @param parameters    mean parameter count
     * @param bytes         mean bytes
     * @param achievedRatio mean achieved ratio
     * @param layers        the input and output layers of a {@code bloom-network} group (the same in every repeat:
     *                      they follow from m and the layers), {@code null} for factorization models
     */
    public record Size(double parameters, double bytes, double achievedRatio, ResultRow.LayerSizes layers) {

        /** The size of a factorization group (no network layers). */
        public Size(double parameters, double bytes, double achievedRatio) {
            this(parameters, bytes, achievedRatio, null);
        }
    }

    public boolean baseline() {
        return group.sides() == Sides.NONE && group.compressor().equals(GridPoint.BASELINE);
    }

    /** Whether this is an untrained reference ranker ({@code popularity}, {@code random}). */
    public boolean reference() {
        return group.sides() == Sides.NONE && !baseline();
    }

    /** A short label, e.g. {@code bloom xxh64 0.4 k=2 both}, with the options last when the group has some. */
    public String label() {
        if (reference()) {
            return group.compressor();
        }
        return baseline() ? "plain" : group.compressor() + " " + (group.hash() == null ? "-" : group.hash()) + " "
                + group.ratio() + " k=" + group.hashes() + " " + group.sides().specName()
                + (group.options().isEmpty() ? "" : " " + group.optionsText());
    }
}
