package io.bloomfit.api.embed;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOptions;

/**
 * What a compressor is asked to lay out: {@code numEntities} ids of embeddings of {@code dimension} floats,
 * in about {@code ratio * numEntities} table rows, each id read through {@code numHashes} lookups hashed with
 * the function named {@code hashFunction} and seeds derived from {@code seed}.
 *
 * <p>A request is all a saved model needs to rebuild its index maps, so it is validated here, once: every
 * violation names the field and the value.
 *
 * @param numEntities  ids 0..numEntities-1 (at least 1)
 * @param dimension    floats per embedding (at least 1); only used for sizes
 * @param ratio        table rows per entity wanted, &gt; 0 and finite; 1.0 means no compression
 * @param numHashes    k, lookups per entity (at least 1); compressors that fix k ignore it
 * @param hashFunction name of a {@link io.bloomfit.api.hash.HashFunction}; may be {@code null} for
 *                     compressors that hash nothing ({@code plain}, {@code quotient-remainder})
 * @param seed         base seed; per-lookup seeds are derived from it
 * @param trainingCounts optional ({@code null}: none) interactions of each entity in the training part, for
 *                     frequency-aware compressors ({@link EmbeddingCompressor#usesTrainingCounts()}); filled by the
 *                     runner from the training split, never from the test part; compressors that do not use them
 *                     ignore them. Kept as a private copy: the accessor returns a copy too
 * @param options      the compressor's options ({@link EmbeddingCompressor#options()}) the layout is built with;
 *                     {@link PluginOptions#NONE} ({@code null} reads as that) for the defaults. Options the
 *                     request does not give take their declared defaults; {@link Layouts#build} hands the compressor
 *                     a request whose options are resolved (every declared option, checked), so that the layout's
 *                     {@link EmbeddingLayout#request()} records what it was built with and a saved model rebuilds
 *                     the same layout
 */
public record LayoutRequest(int numEntities, int dimension, double ratio, int numHashes, String hashFunction,
                            long seed, int[] trainingCounts, PluginOptions options) {

    /** A request without training counts (every compressor that does not use them) and with default options. */
    public LayoutRequest(int numEntities, int dimension, double ratio, int numHashes, String hashFunction,
                         long seed) {
        this(numEntities, dimension, ratio, numHashes, hashFunction, seed, null, PluginOptions.NONE);
    }

    /** A request with default options. */
    public LayoutRequest(int numEntities, int dimension, double ratio, int numHashes, String hashFunction,
                         long seed, int[] trainingCounts) {
        this(numEntities, dimension, ratio, numHashes, hashFunction, seed, trainingCounts, PluginOptions.NONE);
    }

    public LayoutRequest {
        if (numEntities < 1) {
            throw new IllegalArgumentException("numEntities must be >= 1, was " + numEntities);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be a finite number > 0 (e.g. 0.2 for a table of 20% of "
                    + "the rows), was " + ratio);
        }
        if (numHashes < 1) {
            throw new IllegalArgumentException("numHashes must be >= 1, was " + numHashes);
        }
        if (hashFunction != null && hashFunction.isBlank()) {
            throw new IllegalArgumentException("hashFunction must be a hash function name or absent, was '"
                    + hashFunction + "'");
        }
        if (trainingCounts != null) {
            if (trainingCounts.length != numEntities) {
                throw new IllegalArgumentException("trainingCounts has " + trainingCounts.length + " entries but "
                        + "numEntities is " + numEntities + ": give one count per entity");
            }
            trainingCounts = trainingCounts.clone();
            for (int e = 0; e < trainingCounts.length; e++) {
                if (trainingCounts[e] < 0) {
                    throw new IllegalArgumentException("trainingCounts[" + e + "] must be >= 0, was "
                            + trainingCounts[e]);
                }
            }
        }
        options = options == null ? PluginOptions.NONE : options;
    }

    /** This request with {@code counts} as its training counts (validated and copied). */
    public LayoutRequest withTrainingCounts(int[] counts) {
        return new LayoutRequest(numEntities, dimension, ratio, numHashes, hashFunction, seed, counts, options);
    }

    /** This request with {@code compressorOptions} as its options (checked by the compressor, not here). */
    public LayoutRequest withOptions(PluginOptions compressorOptions) {
        return new LayoutRequest(numEntities, dimension, ratio, numHashes, hashFunction, seed, trainingCounts,
                compressorOptions);
    }

    /** Whether training counts were given. */
    public boolean hasTrainingCounts() {
        return trainingCounts != null;
    }

    /** A copy of the training counts, or {@code null} when none were given. */
    @Override
    public int[] trainingCounts() {
        return trainingCounts == null ? null : trainingCounts.clone();
    }

    /** The training count of {@code entity}; 0 when no counts were given. */
    public int trainingCount(int entity) {
        return trainingCounts == null ? 0 : trainingCounts[entity];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayoutRequest r && numEntities == r.numEntities && dimension == r.dimension
                && Double.compare(ratio, r.ratio) == 0 && numHashes == r.numHashes
                && java.util.Objects.equals(hashFunction, r.hashFunction) && seed == r.seed
                && java.util.Arrays.equals(trainingCounts, r.trainingCounts) && options.equals(r.options);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hash(numEntities, dimension, ratio, numHashes, hashFunction, seed)
                * 31 + java.util.Arrays.hashCode(trainingCounts)) * 31 + options.hashCode();
    }

    @Override
    public String toString() {
        return "LayoutRequest[numEntities=" + numEntities + ", dimension=" + dimension + ", ratio=" + ratio
                + ", numHashes=" + numHashes + ", hashFunction=" + hashFunction + ", seed=" + seed
                + (trainingCounts == null ? "" : ", trainingCounts=" + trainingCounts.length + " entities")
                + (options.isEmpty() ? "" : ", options=" + options) + "]";
    }

    /** An uncompressed request: ratio 1, one lookup, no hash function. */
    public static LayoutRequest plain(int numEntities, int dimension) {
        return new LayoutRequest(numEntities, dimension, 1.0, 1, null, 0L);
    }

    /**
     * The hash function name, for compressors that need one.
     *
     * @throws IllegalArgumentException naming the compressor when the request has none
     */
    public String requireHashFunction(String compressor) {
        if (hashFunction == null) {
            throw new IllegalArgumentException("compressor '" + compressor + "' needs a hash function; set "
                    + "hashFunction (e.g. xxh3)");
        }
        return hashFunction;
    }

    /**
     * The resolved hash function a compressor was handed, checked against this request.
     *
     * @throws IllegalArgumentException naming the compressor when the request names no hash function
     * @throws IllegalStateException    when the caller resolved no function or one of another name (a caller bug)
     */
    public HashFunction requireHash(HashFunction hash, String compressor) {
        String wanted = requireHashFunction(compressor);
        if (hash == null || !wanted.equals(hash.name())) {
            throw new IllegalStateException("compressor '" + compressor + "' was handed hash function "
                    + (hash == null ? "none" : "'" + hash.name() + "'") + " for a request naming '" + wanted
                    + "'; resolve request.hashFunction() in the registry in use");
        }
        return hash;
    }
}
