package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;

import java.util.SplittableRandom;

/** Small data and specs made in the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Two planted groups: user u belongs to group u % 2 and interacts with {@code perUser} random items of the
     * same parity. A working implicit model must rank same-parity items above the others.
     */
    static Interactions twoGroups(int users, int items, int perUser, long seed) {
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

    static EmbeddingLayout plain(int n, int dimension) {
        return EmbeddingCompressors.layout("plain", LayoutRequest.plain(n, dimension));
    }

    static ModelSpec spec(Loss loss, OptimizerKind optimizer, int dimension, int epochs, int batch, double lr,
                          long seed) {
        return new ModelSpec(ModelKind.IMPLICIT_FACTORIZATION, loss, dimension, epochs, batch, lr, 0.0, 5, optimizer,
                seed, DeviceChoice.CPU, 1, false);
    }

    static FitRequest plainRequest(ModelSpec spec, Interactions train) {
        return new FitRequest(spec, train, plain(train.numUsers(), spec.dimension()),
                plain(train.numItems(), spec.dimension()));
    }

    /**
     * Mean over users of the fraction of (same-parity unseen item, other-parity item) pairs ranked correctly:
     * the AUC of the planted structure, computed from the model's scores.
     */
    static double plantedAuc(io.bloomfit.api.train.TrainedModel model, Interactions train) {
        int users = model.numUsers();
        int items = model.numItems();
        boolean[][] seen = new boolean[users][items];
        for (int i = 0; i < train.size(); i++) {
            seen[train.user(i)][train.item(i)] = true;
        }
        float[][] scores = model.scoreAll(java.util.stream.IntStream.range(0, users).toArray());
        double total = 0;
        for (int u = 0; u < users; u++) {
            long good = 0;
            long pairs = 0;
            for (int a = 0; a < items; a++) {
                if (a % 2 != u % 2 || seen[u][a]) {
                    continue;
                }
                for (int b = 0; b < items; b++) {
                    if (b % 2 == u % 2) {
                        continue;
                    }
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
