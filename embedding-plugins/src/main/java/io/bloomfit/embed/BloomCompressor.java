package io.bloomfit.embed;

import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code bloom}: Bloom embeddings (Serrà &amp; Karatzoglou, RecSys 2017). One table of
 * {@code m = max(1, ceil(ratio * n))} rows ({@link TableSize}); entity e reads k = numHashes rows,
 * lookup j being {@code Long.remainderUnsigned(hash(e, seed_j), m)} with the request's hash function and
 * {@code seed_j} the j-th SplitMix64 output from the request seed ({@link SeedSequence}). The k rows are
 * averaged ({@link Combiner#MEAN}), which the paper found to matter; {@code bloom-sum}
 * ({@link BloomSumCompressor}) is the same layout with {@link Combiner#SUM}.
 *
 * <p>The combiner is chosen by the compressor's name, not by a request field, because {@link LayoutRequest}
 * is a fixed public record saved with models: a second name keeps old requests meaning what they meant and
 * lets a grid sweep {@code [bloom, bloom-sum]} like any other compressor.
 */
public final class BloomCompressor implements EmbeddingCompressor {

    public static final String NAME = "bloom";

    private final String name;
    private final Combiner combiner;

    public BloomCompressor() {
        this(NAME, Combiner.MEAN);
    }

    BloomCompressor(String name, Combiner combiner) {
        this.name = name;
        this.combiner = combiner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, name);
        int n = request.numEntities();
        int m = TableSize.hashedRows(request);
        int k = request.numHashes();
        int[] rows = HashedLookups.rows(hash, SeedSequence.seeds(request.seed(), k), n, m, name);
        return EmbeddingLayout.of(name, request, new int[] {m}, new int[k], rows, null, combiner);
    }

    /** Hashed, k lookups, one table of {@code ceil(ratio * n)} rows. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
