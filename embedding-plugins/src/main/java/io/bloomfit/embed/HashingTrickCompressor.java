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
 * {@code hashing-trick}: feature hashing (Weinberger et al., ICML 2009) of entity ids: one table of
 * {@code m = max(1, ceil(ratio * n))} rows, entity e reads the single row
 * {@code Long.remainderUnsigned(hash(e, seed_0), m)}: exactly lookup 0 of {@code bloom} for the same request.
 * k is 1 whatever numHashes says (more lookups would be Bloom embeddings).
 *
 * <p>{@code hashing-trick-signed} ({@link SignedHashingTrickCompressor}) adds the paper's sign: weight
 * {@code +1} or {@code -1} from the lowest bit of {@code hash(e, seed_1)}, an independent hash because
 * {@code seed_1} is the next SplitMix64 output ({@link SeedSequence}), so colliding entities cancel instead of
 * adding up in expectation. The sign is selected by name, not by a request option, because
 * {@link LayoutRequest} is a fixed public record saved with models.
 */
public final class HashingTrickCompressor implements EmbeddingCompressor {

    public static final String NAME = "hashing-trick";

    private final String name;
    private final boolean signed;

    public HashingTrickCompressor() {
        this(NAME, false);
    }

    HashingTrickCompressor(String name, boolean signed) {
        this.name = name;
        this.signed = signed;
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
        long[] seeds = SeedSequence.seeds(request.seed(), 2);
        int[] rows = HashedLookups.rows(hash, new long[] {seeds[0]}, n, m, name);
        float[] signs = signed ? HashedLookups.signs(hash, seeds[1], n) : null;
        return EmbeddingLayout.of(name, request, new int[] {m}, new int[] {0}, rows, signs, Combiner.SUM);
    }

    /** Hashed, always one lookup, one table of {@code ceil(ratio * n)} rows. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(false, 1));
    }
}
