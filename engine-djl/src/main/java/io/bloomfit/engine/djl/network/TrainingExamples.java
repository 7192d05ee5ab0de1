package io.bloomfit.engine.djl.network;

import io.bloomfit.api.data.UserItems;

import java.util.SplittableRandom;

/**
 * The training examples of an epoch. Every user with a training item is one example per epoch: a seeded random
 * {@value #TARGET_FRACTION} of the user's training items (at least one, and all but one when the user has two or
 * more) are the targets, the rest the input; a user with a single item has an empty input and that item as
 * target (what the network learns there is popularity). The partition is drawn again every epoch, so each item
 * is sometimes input and sometimes target, and users are visited in a new shuffled order each epoch.
 *
 * <p>Every random choice derives from the model seed and the epoch alone, never from the encoding, so the
 * networks of every grid point (any m, k or hash) see the same examples in the same order.
 */
final class TrainingExamples {

    /** Share of a user's training items held out as targets in each epoch's example of that user. */
    static final double TARGET_FRACTION = 0.2;

    private final UserItems items;
    private final int[] users;
    private final int batchSize;
    private final long seed;

    TrainingExamples(UserItems items, int batchSize, long seed) {
        this.items = items;
        this.batchSize = batchSize;
        this.seed = seed;
        int active = 0;
        for (int u = 0; u < items.numUsers(); u++) {
            if (items.count(u) > 0) {
                active++;
            }
        }
        users = new int[active];
        int next = 0;
        for (int u = 0; u < items.numUsers(); u++) {
            if (items.count(u) > 0) {
                users[next++] = u;
            }
        }
    }

    /** Examples per epoch. */
    int size() {
        return users.length;
    }

    /** Minibatches per epoch. */
    long steps() {
        return (users.length + batchSize - 1) / batchSize;
    }

    /** The shuffled examples of {@code epoch} (1-based), batch by batch. */
    Epoch epoch(int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        int[] order = users.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Epoch(order, random.split());
    }

    /** One epoch's batches, drawn in order; also the source of that epoch's dropout masks. */
    final class Epoch {

        private final int[] order;
        private final SplittableRandom random;
        private int next;

        private Epoch(int[] order, SplittableRandom random) {
            this.order = order;
            this.random = random;
        }

        /** The random numbers of this epoch after its examples (dropout masks of the batch just drawn). */
        SplittableRandom random() {
            return random;
        }

        /** The next batch: input and target item sets of up to {@code batchSize} users. */
        Batch next() {
            int b = Math.min(batchSize, order.length - next);
            int[][] inputs = new int[b][];
            int[][] targets = new int[b][];
            for (int s = 0; s < b; s++) {
                int[] all = items.itemsOf(order[next + s]);
                int n = all.length;
                int held = n == 1 ? 1 : (int) Math.min(n - 1L, Math.max(1L, Math.round(TARGET_FRACTION * n)));
                for (int i = 0; i < held; i++) {
                    int j = i + random.nextInt(n - i);
                    int t = all[i];
                    all[i] = all[j];
                    all[j] = t;
                }
                targets[s] = java.util.Arrays.copyOfRange(all, 0, held);
                inputs[s] = n == 1 ? new int[0] : java.util.Arrays.copyOfRange(all, held, n);
            }
            next += b;
            return new Batch(inputs, targets);
        }
    }

    /**
     * One minibatch of examples.
     *
     * @param inputs  per example, the items the network sees
     * @param targets per example, the items it must predict
     */
    record Batch(int[][] inputs, int[][] targets) {
    }
}
