package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Reference models for the acceptance tests: popularity and random scores. */
final class Baselines {

    private Baselines() {
    }

    /** Spotlight's random_train_test_split: shuffle with the seed, the last {@code testFraction} is the test set. */
    static Interactions[] randomSplit(Interactions all, double testFraction, long seed) {
        int n = all.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = (int) Math.round(n * (1 - testFraction));
        return new Interactions[] {all.select(java.util.Arrays.copyOfRange(order, 0, cut)),
                all.select(java.util.Arrays.copyOfRange(order, cut, n))};
    }

    /** Scores every item by its number of training interactions, the same for every user. */
    static TrainedModel popularity(Interactions train) {
        int[] counts = train.itemCounts();
        return new FixedScores(train.numUsers(), train.numItems()) {
            @Override
            float score(int user, int item) {
                return counts[item];
            }
        };
    }

    /** Independent uniform random scores per (user, item), seeded. */
    static TrainedModel random(int users, int items, long seed) {
        return new FixedScores(users, items) {
            @Override
            float score(int user, int item) {
                return (float) new SplittableRandom(seed * 1_000_003L + (long) user * items + item).nextDouble();
            }
        };
    }

    /** Scores from a function of (user, item), e.g. the generator's true affinity. */
    static final class Oracle extends FixedScores {
        interface Score {
            float of(int user, int item);
        }

        private final Score score;

        Oracle(int users, int items, Score score) {
            super(users, items);
            this.score = score;
        }

        @Override
        float score(int user, int item) {
            return score.of(user, item);
        }
    }

    private abstract static class FixedScores implements TrainedModel {
        private final int users;
        private final int items;

        FixedScores(int users, int items) {
            this.users = users;
            this.items = items;
        }

        abstract float score(int user, int item);

        @Override
        public int numUsers() {
            return users;
        }

        @Override
        public int numItems() {
            return items;
        }

        @Override
        public float[][] scoreAll(int[] us) {
            float[][] out = new float[us.length][items];
            for (int r = 0; r < us.length; r++) {
                for (int i = 0; i < items; i++) {
                    out[r][i] = score(us[r], i);
                }
            }
            return out;
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException("baselines are not saved");
        }

        @Override
        public FitReport report() {
            return new FitReport(new double[0], new double[0], "none", 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
