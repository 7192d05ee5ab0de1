/**
 * The built-in embedding compressors: plain, Bloom embeddings (and their co-occurrence variant), the hashing trick,
 * quotient-remainder, hash embeddings, ROBE-Z, DHE and the frequency-aware Bloom hybrid.
 */
module io.bloomfit.embed {
    requires io.bloomfit.api;

    exports io.bloomfit.embed;

    provides io.bloomfit.api.embed.EmbeddingCompressor with
            io.bloomfit.embed.PlainCompressor,
            io.bloomfit.embed.BloomCompressor,
            io.bloomfit.embed.BloomSumCompressor,
            io.bloomfit.embed.HashingTrickCompressor,
            io.bloomfit.embed.SignedHashingTrickCompressor,
            io.bloomfit.embed.QuotientRemainderCompressor,
            io.bloomfit.embed.CooccurrenceBloomCompressor,
            io.bloomfit.embed.HashEmbeddingCompressor,
            io.bloomfit.embed.RobeCompressor,
            io.bloomfit.embed.DheCompressor,
            io.bloomfit.embed.BloomHybridCompressor;
}
