package io.bloomfit.experiment.spec;

import io.bloomfit.experiment.grid.OptionAxes;
import io.bloomfit.experiment.grid.Sides;

import java.util.List;

/**
 * The {@code grid} section: the lists whose cross product is run, each point against the {@code plain}
 * baseline that runs once per repeat. Keys, ranges and defaults: {@code GridSection}.
 *
 * @param compressors compressor names; {@code plain} listed here is the baseline and not repeated
 * @param hashes      hash function names (ignored, and not expanded, for compressors that hash nothing)
 * @param ratios      table rows per entity, each in (0, 1]
 * @param numHashes   k values (not expanded for compressors whose k is fixed)
 * @param sides       which embeddings are compressed
 * @param repeats     runs per point; repeat r uses model seed {@code model.seed + r}
 * @param options     per compressor of {@code compressors}, its options; a list of values is one more axis of that
 *                    compressor's points ({@link OptionAxes#NONE}, {@code null} reads as that, for none)
 */
public record GridSpec(List<String> compressors, List<String> hashes, List<Double> ratios,
                       List<Integer> numHashes, List<Sides> sides, int repeats, OptionAxes options) {

    /** The most lookups per entity (k) a grid, or the {@code layout} command, accepts. */
    public static final int MAX_HASHES = 64;
    /** What a ratio outside (0, 1] is told: the one wording for specs and the command line. */
    public static final String RATIO_RULE = "must be in (0, 1] (table rows per entity, e.g. 0.2)";
    /** What a k outside 1..{@value #MAX_HASHES} is told. */
    public static final String HASHES_RULE = "must be a number of hash functions in 1.." + MAX_HASHES;

    /** Whether {@code ratio} is one a grid accepts: in (0, 1]. */
    public static boolean validRatio(double ratio) {
        return ratio > 0 && ratio <= 1;
    }

    /** Whether {@code k} is one a grid accepts: in 1..{@value #MAX_HASHES}. */
    public static boolean validHashes(int k) {
        return k >= 1 && k <= MAX_HASHES;
    }

    /** A grid without compressor options. */
    public GridSpec(List<String> compressors, List<String> hashes, List<Double> ratios, List<Integer> numHashes,
                    List<Sides> sides, int repeats) {
        this(compressors, hashes, ratios, numHashes, sides, repeats, OptionAxes.NONE);
    }

    public GridSpec {
        options = options == null ? OptionAxes.NONE : options;
        compressors = List.copyOf(compressors);
        hashes = List.copyOf(hashes);
        ratios = List.copyOf(ratios);
        numHashes = List.copyOf(numHashes);
        sides = List.copyOf(sides);
    }
}
