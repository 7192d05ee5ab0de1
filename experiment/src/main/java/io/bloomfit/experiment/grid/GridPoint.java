package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.eval.ReferenceMethod;

import java.util.Locale;
import java.util.Objects;

/**
 * One run of an experiment: a compressor with its hash function, ratio, k and options applied to some sides, at one
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
 * @param options    the compressor options the spec's {@code grid.options} gives this point, only those given
 *                   (values normalised to their declared types; the compressor's defaults fill in the rest when the
 *                   layout is built); {@link PluginOptions#NONE} ({@code null} reads as that) for points without
 */
public record GridPoint(String compressor, String hash, double ratio, int hashes, Sides sides, int repeat,
                        long seed, PluginOptions options) {

    /** The baseline compressor every grid is compared with. */
    public static final String BASELINE = "plain";

    public GridPoint {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(sides, "sides");
        options = options == null ? PluginOptions.NONE : options;
    }

    /** A point without compressor options. */
    public GridPoint(String compressor, String hash, double ratio, int hashes, Sides sides, int repeat, long seed) {
        this(compressor, hash, ratio, hashes, sides, repeat, seed, PluginOptions.NONE);
    }

    /** Whether this is the uncompressed baseline. */
    public boolean baseline() {
        return sides == Sides.NONE && compressor.equals(BASELINE);
    }

    /** Whether this is an untrained reference ranker ({@code popularity}, {@code random}): scored, never fitted. */
    public boolean reference() {
        return sides == Sides.NONE && ReferenceMethod.fromName(compressor) != null;
    }

    /**
     * Stable identity in results files: {@code compressor|hash|ratio|k|sides|repeat|seed}, then, for a point with
     * options only, {@code |name=value,...} in name order (so the keys of points without options are those of
     * results written before points had options).
     */
    public String key() {
        return compressor + "|" + (hash == null ? "-" : hash) + "|" + String.format(Locale.ROOT, "%s", ratio) + "|"
                + hashes + "|" + sides.specName() + "|" + repeat + "|" + seed
                + (options.isEmpty() ? "" : "|" + optionsText(options));
    }

    /** {@code options} as {@code name=value,...} in name order, e.g. {@code coldFloor=0.2,hotShare=0.25}. */
    public static String optionsText(PluginOptions options) {
        StringBuilder text = new StringBuilder();
        options.asMap().forEach((name, value) -> text.append(text.length() == 0 ? "" : ",").append(name).append('=')
                .append(value));
        return text.toString();
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
                + sides.specName() + (options.isEmpty() ? "" : " " + optionsText(options)) + " #" + repeat;
    }
}
