package io.bloomfit.data;

/**
 * Parameters of a synthetic dataset (see {@link SyntheticDatasets} for what the generator models).
 *
 * @param users        number of users (each gets at least one interaction)
 * @param items        number of items (rarely chosen items may end up with no interaction)
 * @param interactions number of distinct (user, item) pairs to generate
 * @param rank         dimension of the hidden user/item preference factors
 * @param seed         same seed, same bytes
 */
public record SyntheticSpec(int users, int items, int interactions, int rank, long seed) {

    /** Default rank of the hidden preferences. */
    public static final int DEFAULT_RANK = 16;

    public SyntheticSpec {
        if (users < 1) {
            throw new IllegalArgumentException("synthetic users must be >= 1, was " + users);
        }
        if (items < 2) {
            throw new IllegalArgumentException("synthetic items must be >= 2, was " + items);
        }
        if (rank < 1) {
            throw new IllegalArgumentException("synthetic rank must be >= 1, was " + rank);
        }
        if (interactions < users) {
            throw new IllegalArgumentException("synthetic interactions (" + interactions
                    + ") must be at least the number of users (" + users + "): every user gets one");
        }
        long capacity = (long) users * maxPerUser(items);
        if (interactions > capacity) {
            throw new IllegalArgumentException("synthetic interactions (" + interactions + ") exceed what " + users
                    + " users can have with at most half of the " + items + " items each (" + capacity
                    + "); lower interactions or raise users/items");
        }
    }

    /** A user interacts with at most half of the items, so sampling without replacement stays cheap. */
    static int maxPerUser(int items) {
        return Math.max(1, items / 2);
    }

    public SyntheticSpec withSeed(long newSeed) {
        return new SyntheticSpec(users, items, interactions, rank, newSeed);
    }
}
