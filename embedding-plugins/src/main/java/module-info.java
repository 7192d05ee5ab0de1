/**
 * The built-in embedding compressors: plain, Bloom embeddings (and their co-occurrence variant), the hashing trick,
 * quotient-remainder.
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
            io.bloomfit.embed.CooccurrenceBloomCompressor;
}
