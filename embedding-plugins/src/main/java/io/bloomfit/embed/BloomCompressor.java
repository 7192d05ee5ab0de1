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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bloom}: Bloom embeddings (Serrà &amp; Karatzoglou, RecSys 2017). One table of
 * {@code m = max(1, ceil(ratio * n))} rows ({@link TableSize}); entity e reads k = numHashes rows,
 * lookup j being {@code Long.remainderUnsigned(hash(e, seed_j), m)} with the request's hash function and
 * {@code seed_j} the j-th SplitMix64 output from the request seed ({@link SeedSequence}).
 *
 * <p>Option {@code combiner} ({@value #MEAN} or {@value #SUM}, default {@value #MEAN}): how the k rows combine. The
 * paper averages them ({@link Combiner#MEAN}), which it found to matter; {@value #SUM} adds them
 * ({@link Combiner#SUM}) to measure that claim. The rows do not depend on it. {@code bloom-sum}
 * ({@link BloomSumCompressor}), the name this variant had before compressors took options, is the layout of
 * {@code bloom} with {@code combiner: sum} under its own name.
 */
public final class BloomCompressor implements EmbeddingCompressor {

    public static final String NAME = "bloom";
    /** The {@code combiner} option's word for {@link Combiner#MEAN}. */
    public static final String MEAN = "mean";
    /** The {@code combiner} option's word for {@link Combiner#SUM}. */
    public static final String SUM = "sum";
    /** How the k rows combine. */
    public static final PluginOption COMBINER = PluginOption.choice("combiner", MEAN, List.of(MEAN, SUM),
            "how an entity's k rows combine: mean (the paper's) or sum");

    private final String name;
    private final Combiner preset; // null: from the combiner option

    public BloomCompressor() {
        this(NAME, null);
    }

    /** A compressor of another name whose combiner is fixed ({@code preset}), taking no options. */
    BloomCompressor(String name, Combiner preset) {
        this.name = name;
        this.preset = preset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PluginOption> options() {
        return preset == null ? List.of(COMBINER) : List.of();
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, name);
        Combiner combiner = preset != null ? preset : Combiner.valueOf(
                Layouts.resolvedOptions(this, request.options()).choice(COMBINER.name()).toUpperCase(Locale.ROOT));
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
