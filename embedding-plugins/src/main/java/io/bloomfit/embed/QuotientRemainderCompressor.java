package io.bloomfit.embed;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code quotient-remainder}: compositional embeddings by the quotient-remainder trick (Shi, Mudigere,
 * Naumov and Yang, KDD 2020). Two tables, of {@code ceil(n / q)} and {@code q} rows; entity e reads row
 * {@code e / q} of the first and row {@code e % q} of the second, and the two rows are multiplied element-wise
 * ({@link Combiner#PRODUCT}). No two entities share both rows, so the layout is collision-free by construction.
 *
 * <p>q is the integer that brings {@code ceil(n / q) + q} closest to {@code ratio * n}: the larger root of
 * {@code q + n / q = ratio * n}, as in the paper where the remainder table has the hashing trick's size and
 * the quotient table corrects its collisions. No q gives fewer than about {@code 2 * sqrt(n)} rows; below
 * that this compressor uses {@code q = ceil(sqrt(n))}, logs a warning and reports the ratio it reached in
 * {@link EmbeddingLayout#achievedRatio()}. At most {@code n + 1} rows are reachable (q = n). The request's
 * numHashes, hashFunction and seed are ignored: nothing is hashed, k is 2.
 */
public final class QuotientRemainderCompressor implements EmbeddingCompressor {

    public static final String NAME = "quotient-remainder";

    /** The most entities whose 2 lookups fit in one int array. */
    public static final int MAX_ENTITIES = (Integer.MAX_VALUE - 8) / 2;

    private static final System.Logger LOG = System.getLogger(QuotientRemainderCompressor.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    /** Nothing hashed, k fixed at 2, table sizes follow the ratio. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(new CompressorTraits(false, false, true, 2));
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
        int n = request.numEntities();
        if (n > MAX_ENTITIES) {
            throw new IllegalArgumentException("quotient-remainder stores 2 lookups per entity in one int array, so "
                    + "numEntities must be <= " + MAX_ENTITIES + ", was " + n + ": split the entities");
        }
        int q = remainderRows(n, request.ratio());
        int quotientRows = quotientRows(n, q);
        double achieved = ((double) quotientRows + q) / n;
        if (Math.abs(achieved - request.ratio()) > 0.01 * request.ratio() + 1.0 / n) {
            LOG.log(System.Logger.Level.WARNING, () -> "quotient-remainder cannot reach ratio " + request.ratio()
                    + " for " + n + " entities (it needs between " + smallestTotalRows(n) + " and " + (n + 1)
                    + " rows); using tables of " + quotientRows + " and " + q + " rows, ratio " + achieved);
        }
        int[] rows = new int[2 * n];
        IntStream.range(0, n).parallel().forEach(e -> {
            rows[2 * e] = e / q;
            rows[2 * e + 1] = e % q;
        });
        return EmbeddingLayout.of(NAME, request, new int[] {quotientRows, q}, new int[] {0, 1}, rows, null,
                Combiner.PRODUCT);
    }

    /**
     * The remainder table's size q for {@code n} entities and the wanted {@code ratio}: the q in
     * {@code [ceil(sqrt(n)), n]} whose total {@code ceil(n / q) + q} is closest to {@code ratio * n} (the larger
     * q on ties).
     */
    public static int remainderRows(int n, double ratio) {
        int smallest = ceilSqrt(n);
        double target = ratio * n;
        if (target < quotientRows(n, smallest) + smallest) {
            return smallest;
        }
        if (target >= n + 1.0) {
            return n;
        }
        double root = (target + Math.sqrt(target * target - 4.0 * n)) / 2;
        long from = Math.max(smallest, (long) Math.floor(root) - 2);
        long to = Math.min(n, (long) Math.ceil(root) + 2);
        int best = smallest;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (long q = from; q <= to; q++) {
            double distance = Math.abs(quotientRows(n, (int) q) + q - target);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = (int) q;
            }
        }
        return best;
    }

    /** The fewest total rows quotient-remainder reaches for {@code n} entities (q = ceil(sqrt(n))). */
    public static long smallestTotalRows(int n) {
        int q = ceilSqrt(n);
        return (long) quotientRows(n, q) + q;
    }

    private static int quotientRows(int n, int q) {
        return (int) (((long) n + q - 1) / q);
    }

    private static int ceilSqrt(int n) {
        int r = (int) Math.sqrt(n);
        while ((long) r * r > n) {
            r--;
        }
        while ((long) r * r < n) {
            r++;
        }
        return Math.max(1, r);
    }
}
