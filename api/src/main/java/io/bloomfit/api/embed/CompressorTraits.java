package io.bloomfit.api.embed;

/**
 * Which request fields a compressor's layout responds to, declared by the compressor
 * ({@link EmbeddingCompressor#traits()}). A grid expands an axis only for compressors that respond to it, so that,
 * say, {@code quotient-remainder} swept over five hash functions does not run five identical points; and a spec
 * check can tell a user that a hash function is needed before anything runs.
 *
 * <p>Implementations must declare what their layout really does: a compressor that declares
 * {@code usesRatio = false} but sizes its table from the ratio would make a grid silently skip points.
 *
 * @param usesHash  the layout needs a hash function (a request without one is refused)
 * @param usesK     the number of lookups per entity follows {@link LayoutRequest#numHashes()}
 * @param usesRatio the table size follows {@link LayoutRequest#ratio()}
 * @param fixedK    lookups per entity when {@code usesK} is false (e.g. 2 for quotient-remainder); ignored otherwise
 */
public record CompressorTraits(boolean usesHash, boolean usesK, boolean usesRatio, int fixedK) {

    public CompressorTraits {
        if (fixedK < 1) {
            throw new IllegalArgumentException("fixedK must be >= 1, was " + fixedK);
        }
    }

    /** A hashing compressor whose k and table size follow the request (Bloom embeddings, the hashing trick with k). */
    public static CompressorTraits hashed(boolean usesK, int fixedK) {
        return new CompressorTraits(true, usesK, true, fixedK);
    }
}
