package io.bloomfit.embed;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code dhe}: Deep Hash Embedding (Kang et al., "Learning to Embed Categorical Features without Embedding Tables
 * for Recommendation", KDD 2021). No table: entity e is F hash values {@code hash(e, seed_j)} (SplitMix64 seeds
 * from the request seed), each reduced modulo {@value #BUCKETS} (the paper's m = 10^6) and mapped uniformly to
 * [-1, 1], fed to a network {@code F -> h -> dimension} with a ReLU hidden layer ({@link EntityEncoder}). The
 * paper's deeper Mish/batch-norm network is not used: one hidden layer keeps the budget rule below simple and the
 * Java scoring path exact.
 *
 * <p>Budget: the network's weights and biases count against the ratio, so it holds about as many floats as
 * {@code bloom}'s table at the same request, {@code P = ceil(ratio * n) * dimension}. With the paper's F = 1024
 * features, h is the largest width that fits P, capped at {@value #MAX_HIDDEN}; when that width would be below the
 * dimension (small tables), h is the dimension and F shrinks to what fits (at least 1). numHashes is ignored.
 */
public final class DheCompressor implements EmbeddingCompressor {

    public static final String NAME = "dhe";
    /** The paper's number of hash features. */
    static final int FEATURES = 1024;
    /** The paper's hash range m. */
    static final long BUCKETS = 1_000_000L;
    /** The widest hidden layer used, whatever the budget allows (wider ones train too slowly to compare). */
    static final int MAX_HIDDEN = 2048;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        int d = request.dimension();
        Shape shape = shape((long) TableSize.hashedRows(request) * d, d);
        EntityEncoder encoder = new EntityEncoder(hash, SeedSequence.seeds(request.seed(), shape.features()), BUCKETS,
                new int[] {shape.hidden(), d});
        return EmbeddingLayout.encoder(NAME, request, encoder);
    }

    /** Features and hidden width of the network. */
    record Shape(int features, int hidden) {
    }

    /**
     * The network {@code features -> hidden -> dimension} with at most {@code budget} parameters
     * ({@code (features + 1) * hidden + (hidden + 1) * dimension}) by the rule in the class comment.
     */
    static Shape shape(long budget, int dimension) {
        long hidden = (budget - dimension) / (FEATURES + 1 + dimension);
        if (hidden >= dimension) {
            return new Shape(FEATURES, (int) Math.min(MAX_HIDDEN, hidden));
        }
        long features = (budget - dimension - (long) dimension * dimension - dimension) / dimension;
        return new Shape((int) Math.max(1, Math.min(FEATURES, features)), dimension);
    }

    /** Hashed; F and h follow the ratio; numHashes is ignored. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(false, 1));
    }
}
