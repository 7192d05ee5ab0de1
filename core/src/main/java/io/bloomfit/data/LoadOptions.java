package io.bloomfit.data;

/**
 * How strictly to load and how to turn ratings into implicit feedback.
 *
 * @param skipBadLines    skip malformed lines, counting them in the {@link LoadReport}, instead of failing at the
 *                        first one
 * @param ratingThreshold keep only interactions with rating {@code >=} this (e.g. 4 for "liked"); {@code NaN} keeps
 *                        all
 * @param implicit        drop the rating column after filtering (the data becomes implicit feedback)
 */
public record LoadOptions(boolean skipBadLines, double ratingThreshold, boolean implicit) {

    /** Strict, no threshold, ratings kept. */
    public static final LoadOptions DEFAULT = new LoadOptions(false, Double.NaN, false);

    public LoadOptions withSkipBadLines(boolean skip) {
        return new LoadOptions(skip, ratingThreshold, implicit);
    }

    public LoadOptions withRatingThreshold(double threshold) {
        return new LoadOptions(skipBadLines, threshold, implicit);
    }

    public LoadOptions withImplicit(boolean on) {
        return new LoadOptions(skipBadLines, ratingThreshold, on);
    }

    public boolean hasThreshold() {
        return !Double.isNaN(ratingThreshold);
    }
}
