package io.bloomfit.experiment;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

/**
 * The {@link CompressorTraits} of a compressor: the ones it declares, or, for third-party compressors written
 * before traits were declared, the ones found by building tiny layouts that differ in one axis.
 */
final class CompressorProbe {

    private static final int PROBE_ENTITIES = 256;

    private CompressorProbe() {
    }

    /**
     * @param someHash a hash function from the registry in use, for probing compressors that need one
     */
    static CompressorTraits traitsOf(EmbeddingCompressor compressor, HashFunction someHash) {
        return compressor.traits().orElseGet(() -> probe(compressor, someHash));
    }

    private static CompressorTraits probe(EmbeddingCompressor compressor, HashFunction someHash) {
        boolean usesHash;
        try {
            compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 2, null, 1L), null);
            usesHash = false;
        } catch (RuntimeException e) {
            usesHash = true;
        }
        HashFunction hash = usesHash ? someHash : null;
        String hashName = hash == null ? null : hash.name();
        try {
            EmbeddingLayout k1 = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 1, hashName, 1L), hash);
            EmbeddingLayout k3 = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.5, 3, hashName, 1L), hash);
            EmbeddingLayout wide = compressor.layout(new LayoutRequest(PROBE_ENTITIES, 1, 0.25, 1, hashName, 1L),
                    hash);
            boolean usesK = k1.numLookups() != k3.numLookups();
            boolean usesRatio = k1.totalRows() != wide.totalRows();
            return new CompressorTraits(usesHash, usesK, usesRatio, k1.numLookups());
        } catch (RuntimeException e) {
            // The compressor refuses a tiny probe: expand every axis and let the points report their own errors.
            return new CompressorTraits(usesHash, true, true, 1);
        }
    }
}
