package io.bloomfit.embed;

import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOption;

import java.util.List;
import java.util.Optional;

/**
 * {@code hashing-trick}: feature hashing (Weinberger et al., ICML 2009) of entity ids: one table of
 * {@code m = max(1, ceil(ratio * n))} rows, entity e reads the single row
 * {@code Long.remainderUnsigned(hash(e, seed_0), m)}: exactly lookup 0 of {@code bloom} for the same request.
 * k is 1 whatever numHashes says (more lookups would be Bloom embeddings).
 *
 * <p>Option {@code signed} (default {@code false}) adds the paper's sign: weight {@code +1} or {@code -1} from the
 * lowest bit of {@code hash(e, seed_1)}, an independent hash because {@code seed_1} is the next SplitMix64 output
 * ({@link SeedSequence}), so colliding entities cancel instead of adding up in expectation; the rows do not depend
 * on it. {@code hashing-trick-signed} ({@link SignedHashingTrickCompressor}), the name this variant had before
 * compressors took options, is the layout of {@code hashing-trick} with {@code signed: true} under its own name.
 */
public final class HashingTrickCompressor implements EmbeddingCompressor {

    public static final String NAME = "hashing-trick";
    /** Whether each entity's row is multiplied by a hashed sign. */
    public static final PluginOption SIGNED = PluginOption.flag("signed", false,
            "multiply each entity's row by a hashed +1 or -1 (Weinberger et al.), so collisions cancel in expectation");

    private final String name;
    private final Boolean preset; // null: from the signed option

    public HashingTrickCompressor() {
        this(NAME, null);
    }

    /** A compressor of another name whose sign is fixed ({@code preset}), taking no options. */
    HashingTrickCompressor(String name, Boolean preset) {
        this.name = name;
        this.preset = preset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PluginOption> options() {
        return preset == null ? List.of(SIGNED) : List.of();
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, name);
        boolean signed = preset != null ? preset
                : Layouts.resolvedOptions(this, request.options()).flag(SIGNED.name());
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
