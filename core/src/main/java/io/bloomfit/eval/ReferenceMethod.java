package io.bloomfit.eval;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.SpecName;
import io.bloomfit.api.train.TrainedModel;

import java.util.SplittableRandom;

/**
 * The untrained reference rankers every experiment scores beside its grid, so a reader sees how far a method is
 * above doing nothing clever: {@code popularity} ranks items by their training count (the same list for every user),
 * {@code random} ranks them in a seeded random order per user. Neither learns anything; both are scored with the same
 * evaluator, on the same test set, with the same training items excluded as any fitted model.
 */
public enum ReferenceMethod {
    /** Items ranked by how often they occur in the training part, most popular first; equal counts tie. */
    POPULARITY,
    /** Items ranked in a random order drawn per user from the seed. */
    RANDOM;

    /** The name written into results, e.g. {@code popularity}. */
    public String specName() {
        return SpecName.of(this);
    }

    /** The constant whose {@link #specName()} is {@code name}, or {@code null}. */
    public static ReferenceMethod fromName(String name) {
        for (ReferenceMethod m : values()) {
            if (m.specName().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The ranker over {@code train}'s index space.
     *
     * @param seed seeds {@link #RANDOM}'s order (ignored by {@link #POPULARITY})
     */
    public TrainedModel model(Interactions train, long seed) {
        return switch (this) {
            case POPULARITY -> ReferenceModel.sameForEveryUser(train.numUsers(), counts(train));
            case RANDOM -> ReferenceModel.perUser(train.numUsers(), train.numItems(),
                    (user, row) -> randomRow(seed, user, row));
        };
    }

    private static float[] counts(Interactions train) {
        int[] counts = train.itemCounts();
        float[] scores = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            scores[i] = counts[i];
        }
        return scores;
    }

    /** A user's scores depend only on (seed, user): the same order in any batch and on any thread. */
    private static void randomRow(long seed, int user, float[] row) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + user);
        for (int i = 0; i < row.length; i++) {
            row[i] = random.nextFloat();
        }
    }
}
