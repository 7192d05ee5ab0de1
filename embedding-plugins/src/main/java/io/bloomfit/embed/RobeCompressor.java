package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code robe}: ROBE-Z, random offset block embeddings (Desai, Chou &amp; Shrivastava, MLSys 2022). All entities
 * share one circular array of {@code S = ceil(ratio * n) * dimension} floats (as many as {@code bloom}'s table at
 * the same request); an entity's embedding is Z = numHashes blocks of {@code dimension / Z} consecutive floats,
 * block z read at offset {@code hash(e, seed_z)} of the array, laid end to end ({@link Combiner#CONCAT}).
 *
 * <p><b>Offsets are aligned to the block size</b> (the simpler of the two layouts the paper allows): block z of e
 * starts at {@code b * (Long.remainderUnsigned(hash(e, seed_z), S / b))} with {@code b = dimension / Z}, so the
 * array is a table of {@code S / b} rows of b floats and each block is one row lookup. Aligned blocks never wrap
 * and never overlap partially, which is what lets them be ordinary rows: every trainer, the fused sparse step and
 * the sparse row optimizers train them unchanged, and collision statistics are exact. Free offsets would let two
 * blocks share a part of their floats, a finer sharing the paper does not single out as the source of ROBE's
 * quality (which it attributes to Z &gt; 1 independently placed blocks and the one shared array, both kept here).
 * Z must divide the dimension.
 */
public final class RobeCompressor implements EmbeddingCompressor {

    public static final String NAME = "robe";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        int z = request.numHashes();
        int d = request.dimension();
        if (d % z != 0) {
            throw new IllegalArgumentException("robe splits each embedding into numHashes = " + z + " blocks, but "
                    + "dimension " + d + " is not a multiple of " + z + ": choose numHashes dividing the dimension");
        }
        int rows = blockRows(TableSize.hashedRows(request), z);
        int[] lookups = HashedLookups.rows(hash, SeedSequence.seeds(request.seed(), z), request.numEntities(), rows,
                NAME);
        return EmbeddingLayout.of(NAME, request, new int[] {rows}, new int[z], lookups, null, Combiner.CONCAT);
    }

    /** Aligned blocks in an array of {@code bloomRows * dimension} floats: {@code bloomRows * z} rows of d/z. */
    static int blockRows(int bloomRows, int z) {
        long rows = (long) bloomRows * z;
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("robe: " + bloomRows + " rows of " + z + " blocks exceed 2^31 blocks: "
                    + "lower the ratio or numHashes");
        }
        return (int) rows;
    }

    /** Hashed; Z follows numHashes, the array's size the ratio. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
