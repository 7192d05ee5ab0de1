package io.bloomfit.api.embed;

import io.bloomfit.api.hash.HashFunction;

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
 */
public record LayoutRequest(int numEntities, int dimension, double ratio, int numHashes, String hashFunction,
                            long seed) {

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
