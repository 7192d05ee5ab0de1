package io.bloomfit.engine.factorization.testing;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainedModel;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Two planted groups: user u belongs to group u % 2 and interacts only with items of the same parity. A working
 * implicit model must rank same-parity items above the others; a random one ranks half the pairs right.
 */
public final class PlantedGroups {

    private PlantedGroups() {
    }

    /** {@code users} users with {@code perUser} distinct random same-parity items each, of {@code items}. */
    public static Interactions interactions(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] us = new int[users * perUser];
        int[] is = new int[users * perUser];
        int n = 0;
        for (int u = 0; u < users; u++) {
            boolean[] taken = new boolean[items];
            for (int c = 0; c < perUser; c++) {
                int item;
                do {
                    item = 2 * random.nextInt(items / 2) + (u % 2);
                } while (taken[item]);
                taken[item] = true;
                us[n] = u;
                is[n] = item;
                n++;
            }
        }
        return new Interactions(users, items, us, is, null, null);
    }

    /**
     * Mean over users of the fraction of (same-parity unseen item, other-parity item) pairs ranked correctly:
     * the AUC of the planted structure, computed from the model's scores.
     */
    public static double auc(TrainedModel model, Interactions train) {
        int users = model.numUsers();
        int items = model.numItems();
        boolean[][] seen = new boolean[users][items];
        for (int i = 0; i < train.size(); i++) {
            seen[train.user(i)][train.item(i)] = true;
        }
        float[][] scores = model.scoreAll(IntStream.range(0, users).toArray());
        double total = 0;
        for (int u = 0; u < users; u++) {
            long good = 0;
            long pairs = 0;
            for (int a = 0; a < items; a++) {
                if (a % 2 != u % 2 || seen[u][a]) {
                    continue;
                }
                for (int b = 1 - u % 2; b < items; b += 2) {
                    pairs++;
                    if (scores[u][a] > scores[u][b]) {
                        good++;
                    }
                }
            }
            total += (double) good / pairs;
        }
        return total / users;
    }
}
