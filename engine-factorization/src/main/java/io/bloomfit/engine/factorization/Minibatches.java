package io.bloomfit.engine.factorization;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NegativeSampling;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.engine.factorization.model.Seeds;

import java.util.SplittableRandom;

/**
 * The minibatches of a fit, epoch by epoch: each epoch visits every training interaction once, in an order
 * shuffled by a stream seeded with ({@code model.seed}, epoch), in batches of {@code model.batchSize} (the last
 * one may be smaller). An implicit model's batches carry negatives drawn uniformly over all items from the same
 * stream, right after the shuffle, batch by batch: one per positive for pointwise, bpr and hinge,
 * {@code model.negatives} for adaptive-hinge. With {@code trainer.negatives: popularity} ({@link NegativeSampling})
 * a negative is instead the item of a training interaction drawn uniformly, so items are drawn in proportion to
 * their training counts, at the same cost. The batches are a pure function of the spec and the data, so every
 * trainer that takes its batches from here trains on the same examples and negatives for the same seed.
 */
public final class Minibatches {

    private final Interactions train;
    private final int batchSize;
    private final long seed;
    private final boolean implicit;
    private final int negatives;
    private final boolean popularity;

    public Minibatches(Interactions train, ModelSpec spec) {
        this.train = train;
        Optimization optimization = spec.optimization();
        this.batchSize = optimization.batchSize();
        this.seed = optimization.seed();
        this.implicit = spec.architecture().kind() == ModelKind.IMPLICIT_FACTORIZATION;
        this.negatives = spec.architecture().loss() == Loss.ADAPTIVE_HINGE ? optimization.negatives().count() : 1;
        this.popularity = optimization.negatives().sampling() == NegativeSampling.POPULARITY;
    }

    /** Steps (batches) per epoch. */
    public long steps() {
        return (train.size() + (long) batchSize - 1) / batchSize;
    }

    /** The batches of epoch {@code epoch} (from 1), in order. */
    public Epoch epoch(int epoch) {
        return new Epoch(epoch);
    }

    /** One epoch's batches; {@link #next()} hands them out in order, {@link #steps()} of them. */
    public final class Epoch {
        private final SplittableRandom random;
        private final int[] order;
        private long step;

        private Epoch(int epoch) {
            random = new SplittableRandom(Seeds.mix(seed, epoch));
            order = shuffled(train.size(), random);
        }

        /** Whether a batch is left in this epoch. */
        public boolean hasNext() {
            return step < steps();
        }

        /** The next batch. */
        public Batch next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("the epoch has " + steps() + " batches");
            }
            int n = train.size();
            int from = (int) (step * batchSize);
            int size = Math.min(batchSize, n - from);
            step++;
            int[] users = new int[size];
            int[] items = new int[size];
            for (int i = 0; i < size; i++) {
                int row = order[from + i];
                users[i] = train.user(row);
                items[i] = train.item(row);
            }
            if (implicit) {
                int numItems = train.numItems();
                int[] sampled = new int[size * negatives];
                if (popularity) {
                    for (int i = 0; i < sampled.length; i++) {
                        sampled[i] = train.item(random.nextInt(n));
                    }
                } else {
                    for (int i = 0; i < sampled.length; i++) {
                        sampled[i] = random.nextInt(numItems);
                    }
                }
                return new Batch(users, items, sampled, negatives, null);
            }
            float[] ratings = new float[size];
            for (int i = 0; i < size; i++) {
                ratings[i] = train.rating(order[from + i]);
            }
            return new Batch(users, items, null, 0, ratings);
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
