package io.bloomfit.eval;

import io.bloomfit.api.data.Interactions;

import java.util.SplittableRandom;

/**
 * A seeded random sample of the test users, so a large dataset is compared quickly, and on exactly the users another
 * tool was scored on: the same seed gives the same users for every grid point and repeat. Candidates are the users
 * evaluation can rank (at least one test pair and at least one training pair), in index order; a partial
 * Fisher-Yates shuffle seeded with {@code seed} picks {@code users} of them.
 *
 * @param test       the test pairs of the sampled users only
 * @param sampled    users in the sample
 * @param candidates users it was drawn from
 */
public record UserSample(Interactions test, int sampled, int candidates) {

    /**
     * Draws the sample.
     *
     * @param users how many users to keep, at least 1; all candidates when there are no more than that
     */
    public static UserSample draw(Interactions train, Interactions test, int users, long seed) {
        if (users < 1) {
            throw new IllegalArgumentException("evaluation.users must be >= 1, was " + users);
        }
        int[] trainCounts = train.userCounts();
        int[] testCounts = test.userCounts();
        int[] candidates = new int[test.numUsers()];
        int n = 0;
        for (int u = 0; u < test.numUsers(); u++) {
            if (testCounts[u] > 0 && trainCounts[u] > 0) {
                candidates[n++] = u;
            }
        }
        if (users >= n) {
            return new UserSample(test, n, n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < users; i++) {
            int j = i + random.nextInt(n - i);
            int swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
        }
        boolean[] chosen = new boolean[test.numUsers()];
        for (int i = 0; i < users; i++) {
            chosen[candidates[i]] = true;
        }
        int kept = 0;
        int[] rows = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            if (chosen[test.user(i)]) {
                rows[kept++] = i;
            }
        }
        return new UserSample(test.select(java.util.Arrays.copyOf(rows, kept)), users, n);
    }
}
