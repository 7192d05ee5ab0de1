package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;
import io.bloomfit.api.embed.TrainableWeights;
import io.bloomfit.api.hash.HashFunction;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code hash-embedding}: hash embeddings (Svenstrup, Hansen &amp; Winther, NeurIPS 2017). Entity e reads k =
 * numHashes component vectors from a shared pool of B rows, lookup j being
 * {@code Long.remainderUnsigned(hash(e, seed_j), B)} as in {@code bloom}, and sums them weighted by k importance
 * weights of its own that are learned with the model ({@link TrainableWeights}).
 *
 * <p>Budget: the weights count against the ratio, so the layout holds about as many floats as {@code bloom} at
 * the same request, {@code F = ceil(ratio * n) * dimension}. The importance table gets at most half of F: one row
 * of k weights per entity when {@code n * k <= F / 2} (the paper's usual setting), otherwise
 * {@code floor(F / 2 / k)} rows shared by hashing, entity e reading row
 * {@code Long.remainderUnsigned(hash(e, seed_k), rows)} (the paper's optional hashed importance table). The pool gets
 * the rest: {@code B = max(1, floor((F - rows * k) / dimension))} rows.
 *
 * <p>Every importance weight starts at {@code 1 / k} with {@link Combiner#SUM}, so before training an entity's
 * embedding is exactly the mean of its k rows: a {@code bloom} embedding on the smaller pool, which training then
 * reweights entity by entity.
 */
public final class HashEmbeddingCompressor implements EmbeddingCompressor {

    public static final String NAME = "hash-embedding";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        int n = request.numEntities();
        int k = request.numHashes();
        int d = request.dimension();
        Budget budget = budget(n, k, d, TableSize.hashedRows(request));
        long[] seeds = SeedSequence.seeds(request.seed(), k + 1);
        int[] rows = HashedLookups.rows(hash, Arrays.copyOf(seeds, k), n, budget.poolRows(), NAME);
        float[] initial = new float[Math.multiplyExact(budget.weightRows(), k)];
        Arrays.fill(initial, 1f / k);
        TrainableWeights weights = budget.weightRows() == n
                ? TrainableWeights.perEntity(n, k, initial)
                : TrainableWeights.shared(budget.weightRows(), k,
                        HashedLookups.rows(hash, new long[] {seeds[k]}, n, budget.weightRows(), NAME), initial);
        return EmbeddingLayout.ofTrainable(NAME, request, new int[] {budget.poolRows()}, new int[k], rows, weights,
                Combiner.SUM);
    }

    /** Rows of the shared pool and of the importance-weight table. */
    record Budget(int poolRows, int weightRows) {
    }

    /** The split of {@code bloomRows * dimension} floats between the pool and the importance weights. */
    static Budget budget(int n, int k, int dimension, int bloomRows) {
        long floats = (long) bloomRows * dimension;
        long weightRows = (long) n * k <= floats / 2 ? n : Math.max(1, floats / 2 / k);
        long poolRows = Math.max(1, (floats - weightRows * k) / dimension);
        return new Budget((int) poolRows, (int) weightRows);
    }

    /** Hashed; k and the pool size follow the request. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
