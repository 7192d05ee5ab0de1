package io.bloomfit.data;

/**
 * The rating values a MovieLens release allows, from the releases' published READMEs (files.grouplens.org):
 * <ul>
 *   <li>100K ({@code u.data}): "100,000 ratings (1-5)", whole stars;</li>
 *   <li>1M ({@code ratings.dat}): "Ratings are made on a 5-star scale (whole-star ratings only)";</li>
 *   <li>10M ({@code ratings.dat}), 20M, 25M, 32M, latest ({@code ratings.csv}): "Ratings are made on a 5-star scale,
 *       with half-star increments (0.5 stars - 5.0 stars)".</li>
 * </ul>
 * 1M and 10M share the {@code ratings.dat} layout and cannot be told apart from one line, so that layout takes the
 * wider half-star scale. A loader given a scale must also accept only MovieLens ids: non-negative decimal integers
 * (digits only) that fit in a {@code long}.
 */
enum RatingScale {
    /** 1, 2, 3, 4 or 5. */
    WHOLE_STARS_1_TO_5(1.0, "1..5 in whole stars"),
    /** 0.5, 1.0, ..., 5.0. */
    HALF_STARS_05_TO_5(0.5, "0.5..5 in half-star steps");

    private final double step;
    private final String description;

    RatingScale(double step, String description) {
        this.step = step;
        this.description = description;
    }

    /** Whether {@code rating} is one of this scale's values. */
    boolean contains(float rating) {
        double steps = rating / step;
        return rating >= step && rating <= 5.0 && steps == Math.rint(steps);
    }

    /** E.g. {@code "1..5 in whole stars"}. */
    String description() {
        return description;
    }
}
