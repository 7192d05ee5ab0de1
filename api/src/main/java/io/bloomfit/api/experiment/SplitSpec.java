package io.bloomfit.api.experiment;

/**
 * The {@code split} section: how interactions are divided into train and test. Defaults: {@code kind: random},
 * {@code test: 0.2}, {@code seed: 42}. The split is the same for every grid point and repeat (repeats vary the
 * model and hash seeds), so points are compared on the same test set.
 *
 * @param kind split name, e.g. {@code random}
 * @param test fraction of interactions (or of each user's interactions) held out, in (0, 1)
 * @param seed seeds the random choice
 */
public record SplitSpec(String kind, double test, long seed) {
}
