package io.bloomfit.experiment.grid;

import io.bloomfit.eval.ReferenceMethod;

import java.util.Locale;
import java.util.Objects;

/**
 * One run of an experiment: a compressor with its hash function, ratio and k applied to some sides, at one
 * repeat. Its {@link #key()} identifies it in a results file, which is how {@code --resume} knows what already
 * finished.
 *
 * @param compressor compressor name ({@code plain} for the baseline; {@code popularity} or {@code random} for the
 *                   untrained reference rankers, which have {@link Sides#NONE} too)
 * @param hash       hash function name, or {@code null} for compressors that hash nothing
 * @param ratio      requested table rows per entity (1 for the baseline)
 * @param hashes     k, lookups per entity
 * @param sides      which embeddings are compressed ({@link Sides#NONE} for the baseline)
 * @param repeat     0-based repeat index
 * @param seed       model and layout seed of this repeat
 */
public record GridPoint(String compressor, String hash, double ratio, int hashes, Sides sides, int repeat,
                        long seed) {

    /** The baseline compressor every grid is compared with. */
    public static final String BASELINE = "plain";

    public GridPoint {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(sides, "sides");
    }

    /** Whether this is the uncompressed baseline. */
    public boolean baseline() {
        return sides == Sides.NONE && compressor.equals(BASELINE);
    }

    /** Whether this is an untrained reference ranker ({@code popularity}, {@code random}): scored, never fitted. */
    public boolean reference() {
        return sides == Sides.NONE && ReferenceMethod.fromName(compressor) != null;
    }

    /** Stable identity in results files. */
    public String key() {
        return compressor + "|" + (hash == null ? "-" : hash) + "|" + String.format(Locale.ROOT, "%s", ratio) + "|"
                + hashes + "|" + sides.specName() + "|" + repeat + "|" + seed;
    }

    /** A short label for progress lines, e.g. {@code bloom xxh64 r=0.4 k=2 both #0}. */
    public String label() {
        if (baseline()) {
            return "plain baseline #" + repeat;
        }
        if (reference()) {
            return compressor + " reference #" + repeat;
        }
        return compressor + (hash == null ? "" : " " + hash) + " r=" + ratio + " k=" + hashes + " "
                + sides.specName() + " #" + repeat;
    }
}
