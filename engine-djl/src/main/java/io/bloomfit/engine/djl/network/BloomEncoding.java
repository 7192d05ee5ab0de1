package io.bloomfit.engine.djl.network;

import io.bloomfit.api.data.UserItems;
import io.bloomfit.api.embed.EmbeddingLayout;

import java.util.Objects;

/**
 * The Bloom encoding of item sets over an item {@link EmbeddingLayout}: item i sets the k positions
 * {@code layout.globalRow(i, j)} of an m-bit vector, m = {@code layout.totalRows()}; a set of items sets the union
 * of its items' positions. Input and output of the network use the same encoding, as in the paper.
 *
 * <p>Sets are never materialised as m-bit vectors: {@link #encode} gives, per set, its distinct positions in
 * first-seen order (items in the given order, lookups in order), the runs of all sets back to back; targets
 * ({@link #encodeTargets}) are padded to the longest target set of the batch with normalised weights. Any compressor whose layout gives unweighted lookups works: {@code plain} (the
 * uncompressed network, m = d, k = 1), {@code bloom}, {@code hashing-trick}, {@code bloom-cooccurrence}, ...
 */
public final class BloomEncoding {

    private final EmbeddingLayout layout;
    private final int positions;
    private final int k;

    private BloomEncoding(EmbeddingLayout layout) {
        this.layout = layout;
        this.positions = layout.totalRows();
        this.k = layout.numLookups();
    }

    /**
     * The encoding of {@code layout}'s items: its rows are the positions, whatever they combine into (plain rows or
     * blocks).
     *
     * @throws IllegalArgumentException when the layout weighs its lookups (a bit cannot carry a sign or a weight) or
     *                                  is an encoder network (it has no rows to set)
     */
    public static BloomEncoding of(EmbeddingLayout layout) {
        Objects.requireNonNull(layout, "layout");
        return switch (layout.kind()) {
            case PLAIN_ROWS, BLOCKS -> new BloomEncoding(layout);
            case WEIGHTED_ROWS, TRAINABLE_WEIGHTS -> throw new IllegalArgumentException("model.kind bloom-network "
                    + "encodes items as set bits, but compressor '" + layout.compressor() + "' gives its lookups "
                    + "weights (e.g. signs) that a bit cannot carry; use plain, bloom, hashing-trick or "
                    + "bloom-cooccurrence");
            case ENCODER -> throw new IllegalArgumentException("model.kind bloom-network encodes items as set bits, "
                    + "but compressor '" + layout.compressor() + "' computes embeddings with an encoder network, "
                    + "which has no rows to set; use plain, bloom, hashing-trick or bloom-cooccurrence");
        };
    }

    /** m: the number of positions (input units and output units). */
    public int positions() {
        return positions;
    }

    /** k: positions per item (with repeats when two lookups of an item coincide). */
    public int lookups() {
        return k;
    }

    /** d: items encoded. */
    public int items() {
        return layout.numEntities();
    }

    /** The compressor of the layout, for reports. */
    public String compressor() {
        return layout.compressor();
    }

    /** Position of lookup {@code j} of {@code item}. */
    public int position(int item, int j) {
        return layout.globalRow(item, j);
    }

    /** Every item's positions, item-major ({@code [i * k + j]}), for the likelihood recovery. */
    int[] allPositions() {
        int n = layout.numEntities();
        int[] all = new int[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                all[i * k + j] = layout.globalRow(i, j);
            }
        }
        return all;
    }

    /**
     * Encodes sets of items as their distinct positions, first-seen order, one run per set (no padding): the
     * network's input, a gather-and-sum over each run.
     */
    public PositionSets encode(int[][] sets) {
        int b = sets.length;
        int[] offsets = new int[b + 1];
        int total = 0;
        for (int[] set : sets) {
            total += set.length * k;
        }
        int[] out = new int[total];
        int[] seen = new int[positions];
        int size = 0;
        for (int s = 0; s < b; s++) {
            int stamp = s + 1;
            for (int item : sets[s]) {
                for (int j = 0; j < k; j++) {
                    int p = layout.globalRow(item, j);
                    if (seen[p] != stamp) {
                        seen[p] = stamp;
                        out[size++] = p;
                    }
                }
            }
            offsets[s + 1] = size;
        }
        return new PositionSets(java.util.Arrays.copyOf(out, size), offsets);
    }

    /**
     * Encodes sets of items into position lists padded to the longest set, each set's weights summing to 1 (the
     * normalised target distribution); padding slots have weight 0. An empty set has no weight at all.
     */
    public PaddedPositions encodeTargets(int[][] sets) {
        PositionSets runs = encode(sets);
        int b = sets.length;
        int width = 1;
        for (int s = 0; s < b; s++) {
            width = Math.max(width, runs.size(s));
        }
        int[] padded = new int[b * width];
        float[] weights = new float[b * width];
        for (int s = 0; s < b; s++) {
            int n = runs.size(s);
            System.arraycopy(runs.positions(), runs.offsets()[s], padded, s * width, n);
            java.util.Arrays.fill(weights, s * width, s * width + n, n == 0 ? 0f : 1f / n);
        }
        return new PaddedPositions(b, width, padded, weights);
    }

    /** The item sets of {@code users} in {@code items} (e.g. their training items: the input when scoring). */
    static int[][] setsOf(UserItems items, int[] users) {
        int[][] sets = new int[users.length][];
        for (int i = 0; i < users.length; i++) {
            sets[i] = items.itemsOf(users[i]);
        }
        return sets;
    }
}
