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
import java.util.stream.IntStream;

/**
 * {@code bloom-hybrid}: frequency-aware Bloom embeddings, after the hot/cold split of CAFE (Zhang et al., SIGMOD
 * 2024) and Monolith's collision-free tables (Liu et al., 2022). The request's training counts
 * ({@link LayoutRequest#trainingCounts()}, filled by the runner from the training split) rank the entities; the
 * {@code H = floor(hot * m)} most frequent (ties: lower id first) get a row of their own, and every other entity
 * shares Bloom rows: k = numHashes lookups {@code Long.remainderUnsigned(hash(e, seed_j), m - H)}, averaged, as in
 * {@code bloom}. One table of {@code m = max(1, ceil(ratio * n))} rows, the cold part first, so the total stays at
 * the ratio whatever {@code hot} is. A hot entity reads its own row k times, whose mean is that row.
 *
 * <p>{@code hot} is the fraction of the rows given to hot entities: {@value #DEFAULT_HOT} by default (half of the
 * budget collision-free, CAFE's order of magnitude for its hot table under skewed counts); library users choose
 * another with {@link #BloomHybridCompressor(double)}. At least one row always stays cold, and no more entities are
 * hot than there are.
 */
public final class BloomHybridCompressor implements EmbeddingCompressor {

    public static final String NAME = "bloom-hybrid";
    /** The default share of the rows that hot entities own. */
    public static final double DEFAULT_HOT = 0.5;

    private final double hot;

    /** The compressor with {@link #DEFAULT_HOT}; used by ServiceLoader. */
    public BloomHybridCompressor() {
        this(DEFAULT_HOT);
    }

    /** A compressor that gives {@code hot} (in [0, 1)) of the rows to the most frequent entities. */
    public BloomHybridCompressor(double hot) {
        if (!(hot >= 0 && hot < 1)) {
            throw new IllegalArgumentException("hot must be in [0, 1), was " + hot);
        }
        this.hot = hot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usesTrainingCounts() {
        return true;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        if (!request.hasTrainingCounts()) {
            throw new IllegalArgumentException("bloom-hybrid ranks entities by their training interactions, but the "
                    + "request has no trainingCounts: build it with LayoutRequest.withTrainingCounts (the runner "
                    + "does so from the training split)");
        }
        int n = request.numEntities();
        int m = TableSize.hashedRows(request);
        int k = request.numHashes();
        int hotRows = hotRows(m, n, hot);
        int coldRows = m - hotRows;
        int[] rows = HashedLookups.rows(hash, SeedSequence.seeds(request.seed(), k), n, coldRows, NAME);
        int[] hottest = hottest(request.trainingCounts(), hotRows);
        IntStream.range(0, hotRows).parallel().forEach(r -> {
            int e = hottest[r];
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = coldRows + r;
            }
        });
        return EmbeddingLayout.of(NAME, request, new int[] {m}, new int[k], rows, null, Combiner.MEAN);
    }

    /** Rows owned by hot entities: {@code floor(hot * m)}, leaving at least one cold row, at most n. */
    static int hotRows(int m, int n, double hot) {
        return (int) Math.max(0, Math.min(Math.min((long) Math.floor(hot * m), m - 1L), n));
    }

    /** The {@code count} entities with the most training interactions, most frequent first, ties by lower id. */
    static int[] hottest(int[] counts, int count) {
        // key: (Integer.MAX_VALUE - count) in the high bits, the id in the low 31: ascending keys are the order wanted
        long[] keys = new long[counts.length];
        IntStream.range(0, counts.length).parallel()
                .forEach(e -> keys[e] = ((long) (Integer.MAX_VALUE - counts[e]) << 31) | e);
        java.util.Arrays.parallelSort(keys);
        int[] hottest = new int[count];
        for (int r = 0; r < count; r++) {
            hottest[r] = (int) (keys[r] & Integer.MAX_VALUE);
        }
        return hottest;
    }

    /** Hashed; k and the table size follow the request. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
