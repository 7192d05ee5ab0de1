package io.bloomfit.embed;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;
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
 * {@code bloom-cooccurrence}: co-occurrence-based Bloom embeddings (CBE), the variant Serr&agrave; &amp;
 * Karatzoglou propose beside plain Bloom embeddings (RecSys 2017, "Getting deep recommenders fit").
 *
 * <p><b>The paper's definition.</b> Bloom embeddings map each item to k positions of an m-bit array with k
 * independent hash functions, so collisions fall on random pairs of items. CBE replaces the independent hashing by
 * a mapping built from the training data's co-occurrences: items that appear together in training instances (a
 * user's item set) are made to share positions more often than chance, because a collision between two items that
 * are active together costs the recovery little (the shared bit is set by either), while a collision between
 * unrelated items mixes their signals. The paper reports that this improves accuracy moderately over random
 * hashing.
 *
 * <p><b>Our construction</b> (deterministic given the request and the training interactions):
 * <ol>
 *   <li>Start from the {@code bloom} layout of the same request: lookup j of item e is
 *       {@code Long.remainderUnsigned(hash(e, seed_j), m)} with {@code m = ceil(ratio * n)} ({@link TableSize})
 *       and {@code seed_j} from {@link SeedSequence}.</li>
 *   <li>Count, from the training interactions only, each item's frequency and the co-occurrence
 *       {@code C(i, j)} = number of training users holding both i and j.</li>
 *   <li>Visit items by decreasing frequency (ties: lower id first). An item i with at least one already visited
 *       item j with {@code C(i, j) > 0} takes, as its lookup 0, the lookup-0 position of the visited j with the
 *       largest {@code C(i, j)} (ties: lower id), unless {@code maxShare = max(2, ceil(2 n / m))} items already
 *       took that position by sharing (then the next best partner is tried; the cap keeps a popular item from
 *       pulling a whole catalog onto one row); its other k - 1 lookups stay hashed, so
 *       items remain distinguishable. Items without a co-occurring visited partner keep all k hashed positions.</li>
 * </ol>
 * With k = 1 nothing is shared (sharing the only position would make two items identical), and the layout is the
 * {@code hashing-trick}'s. Rows are averaged ({@link Combiner#MEAN}) as in {@code bloom}.
 *
 * <p>The layout depends on the training interactions ({@link #usesTrainingData()}): a caller without them (e.g.
 * {@link #layout(LayoutRequest, HashFunction)}) is refused, and a saved model cannot rebuild it from its request
 * alone. Counting costs {@code O(sum over users of |items|^2)} time and {@code O(n)} extra memory.
 */
public final class CooccurrenceBloomCompressor implements EmbeddingCompressor {

    public static final String NAME = "bloom-cooccurrence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usesTrainingData() {
        return true;
    }

    /**
     * Refused: the layout needs the training interactions.
     *
     * @throws IllegalArgumentException always, naming the call to use
     */
    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
        throw new IllegalArgumentException("compressor '" + NAME + "' builds its layout from the training "
                + "interactions; call layout(request, hash, training) (the runner does)");
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction, Interactions training) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        int n = request.numEntities();
        if (training == null || training.numItems() != n) {
            throw new IllegalArgumentException("compressor '" + NAME + "' needs training interactions over the "
                    + n + " entities it lays out, got " + (training == null ? "none" : training.numItems()));
        }
        int m = TableSize.hashedRows(request);
        int k = request.numHashes();
        int[] rows = HashedLookups.rows(hash, SeedSequence.seeds(request.seed(), k), n, m, NAME);
        if (k > 1) {
            shareFirstLookups(rows, k, m, training);
        }
        return EmbeddingLayout.of(NAME, request, new int[] {m}, new int[k], rows, null, Combiner.MEAN);
    }

    /** Step 3 of the construction: rewrites lookup 0 of items that have a co-occurring, already visited partner. */
    private static void shareFirstLookups(int[] rows, int k, int m, Interactions training) {
        int n = training.numItems();
        UserItems itemsOfUser = training.userItems();
        UserItems usersOfItem = new Interactions(n, training.numUsers(), training.itemArray(), training.userArray(),
                null, null).userItems();
        int[] order = byDecreasingFrequency(usersOfItem, n);
        int maxShare = (int) Math.max(2, Math.ceil(2.0 * n / m));
        int[] shares = new int[m];
        boolean[] visited = new boolean[n];
        int[] counts = new int[n];
        int[] touched = new int[n];
        for (int item : order) {
            int size = 0;
            for (int p = usersOfItem.start(item); p < usersOfItem.end(item); p++) {
                int u = usersOfItem.items()[p];
                for (int q = itemsOfUser.start(u); q < itemsOfUser.end(u); q++) {
                    int other = itemsOfUser.items()[q];
                    if (other != item && visited[other]) {
                        if (counts[other]++ == 0) {
                            touched[size++] = other;
                        }
                    }
                }
            }
            int partner = bestPartner(touched, size, counts, rows, k, shares, maxShare);
            if (partner >= 0) {
                int shared = rows[partner * k];
                rows[item * k] = shared;
                shares[shared]++;
            }
            for (int t = 0; t < size; t++) {
                counts[touched[t]] = 0;
            }
            visited[item] = true;
        }
    }

    /** The touched item with the largest count (ties: lower id) whose lookup-0 row has room, or -1. */
    private static int bestPartner(int[] touched, int size, int[] counts, int[] rows, int k, int[] shares,
                                   int maxShare) {
        int best = -1;
        for (int t = 0; t < size; t++) {
            int j = touched[t];
            if (shares[rows[j * k]] >= maxShare) {
                continue;
            }
            if (best < 0 || counts[j] > counts[best] || (counts[j] == counts[best] && j < best)) {
                best = j;
            }
        }
        return best;
    }

    private static int[] byDecreasingFrequency(UserItems usersOfItem, int n) {
        long[] keys = new long[n];
        for (int e = 0; e < n; e++) {
            // frequency descending in the high bits, id ascending in the low bits
            keys[e] = ((long) (Integer.MAX_VALUE - usersOfItem.count(e)) << 32) | e;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** Hashed, k lookups, one table of {@code ceil(ratio * n)} rows (like {@code bloom}). */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
