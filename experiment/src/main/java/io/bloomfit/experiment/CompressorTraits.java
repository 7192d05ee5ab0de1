package io.bloomfit.experiment;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;

/**
 * Which grid axes a compressor actually responds to, found by building two tiny layouts that differ in one
 * axis. The SPI has no such flags, and expanding, say, {@code quotient-remainder} over five hash functions would
 * run five identical points; so the grid expands an axis only for compressors whose layout changes with it.
 *
 * @param usesHash   the layout needs a hash function (a request without one is refused)
 * @param usesK      the number of lookups follows the requested k
 * @param usesRatio  the table size follows the requested ratio
 * @param fixedK     lookups per entity when k is fixed by the compressor
 */
record CompressorTraits(boolean usesHash, boolean usesK, boolean usesRatio, int fixedK) {

    private static final int PROBE_ENTITIES = 256;

    static CompressorTraits probe(EmbeddingCompressor compressor, String someHash) {
        boolean usesHash;
        try {
            compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 2, null, 1L));
            usesHash = false;
        } catch (RuntimeException e) {
            usesHash = true;
        }
        String hash = usesHash ? someHash : null;
        try {
            EmbeddingLayout k1 = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 1, hash, 1L));
            EmbeddingLayout k3 = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 3, hash, 1L));
            EmbeddingLayout wide = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.25, 1, hash, 1L));
            boolean usesK = k1.numLookups() != k3.numLookups();
            boolean usesRatio = k1.totalRows() != wide.totalRows();
            return new CompressorTraits(usesHash, usesK, usesRatio, k1.numLookups());
        } catch (RuntimeException e) {
            // The compressor refuses a tiny probe: expand every axis and let the points report their own errors.
            return new CompressorTraits(usesHash, true, true, 1);
        }
    }
}
