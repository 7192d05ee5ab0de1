package io.bloomfit.api.data;

import java.util.Objects;

/**
 * (user, item) interactions with optional ratings and timestamps, held in parallel primitive arrays over
 * dense indices {@code 0..numUsers-1} and {@code 0..numItems-1}.
 *
 * <p>The arrays are shared, not copied, for speed: nothing may modify them after construction.
 *
 * <p>Besides the coordinate (COO) columns, {@link #userItems()} builds (once, lazily) a per-user compressed
 * row view that evaluation and negative sampling use. Memory: 20 bytes per interaction with ratings and
 * timestamps, plus 8 once the per-user view exists (10 million interactions: about 280 MB).
 */
public final class Interactions {

    private final int numUsers;
    private final int numItems;
    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final long[] timestamps;
    private volatile UserItems userItems;

    /**
     * @param ratings    {@code null} for implicit feedback
     * @param timestamps {@code null} when the source has none
     * @throws IllegalArgumentException when lengths disagree or an index is out of range
     */
    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] ratings, long[] timestamps) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (users.length != items.length) {
            throw new IllegalArgumentException("users has " + users.length + " entries but items has " + items.length);
        }
        if (ratings != null && ratings.length != users.length) {
            throw new IllegalArgumentException("ratings has " + ratings.length + " entries; expected " + users.length);
        }
        if (timestamps != null && timestamps.length != users.length) {
            throw new IllegalArgumentException("timestamps has " + timestamps.length + " entries; expected "
                    + users.length);
        }
        for (int i = 0; i < users.length; i++) {
            if (users[i] < 0 || users[i] >= numUsers) {
                throw new IllegalArgumentException("interaction " + i + ": user index " + users[i]
                        + " is outside 0.." + (numUsers - 1));
            }
            if (items[i] < 0 || items[i] >= numItems) {
                throw new IllegalArgumentException("interaction " + i + ": item index " + items[i]
                        + " is outside 0.." + (numItems - 1));
            }
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.timestamps = timestamps;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    /** Number of interactions. */
    public int size() {
        return users.length;
    }

    public int user(int i) {
        return users[i];
    }

    public int item(int i) {
        return items[i];
    }

    public boolean hasRatings() {
        return ratings != null;
    }

    public float rating(int i) {
        return ratings == null ? 1f : ratings[i];
    }

    public boolean hasTimestamps() {
        return timestamps != null;
    }

    public long timestamp(int i) {
        return timestamps == null ? 0L : timestamps[i];
    }

    /** The user column itself (not a copy): read only. */
    public int[] userArray() {
        return users;
    }

    /** The item column itself (not a copy): read only. */
    public int[] itemArray() {
        return items;
    }

    /** The rating column itself, or {@code null}: read only. */
    public float[] ratingArray() {
        return ratings;
    }

    /** The timestamp column itself, or {@code null}: read only. */
    public long[] timestampArray() {
        return timestamps;
    }

    /**
     * The items of each user, sorted (compressed sparse rows). Built on first use and cached; safe to call from
     * several threads.
     */
    public UserItems userItems() {
        UserItems view = userItems;
        if (view == null) {
            synchronized (this) {
                view = userItems;
                if (view == null) {
                    view = UserItems.of(this);
                    userItems = view;
                }
            }
        }
        return view;
    }

    /** Number of interactions of each user. */
    public int[] userCounts() {
        int[] counts = new int[numUsers];
        for (int u : users) {
            counts[u]++;
        }
        return counts;
    }

    /** Number of interactions of each item (its popularity). */
    public int[] itemCounts() {
        int[] counts = new int[numItems];
        for (int i : items) {
            counts[i]++;
        }
        return counts;
    }

    /**
     * The interactions at {@code indices}, in that order, over the same user and item index space (so a split's
     * parts stay compatible with one model).
     */
    public Interactions select(int[] indices) {
        int n = indices.length;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] r = ratings == null ? null : new float[n];
        long[] t = timestamps == null ? null : new long[n];
        for (int j = 0; j < n; j++) {
            int i = indices[j];
            u[j] = users[i];
            it[j] = items[i];
            if (r != null) {
                r[j] = ratings[i];
            }
            if (t != null) {
                t[j] = timestamps[i];
            }
        }
        return new Interactions(numUsers, numItems, u, it, r, t);
    }

    @Override
    public String toString() {
        return "Interactions[" + numUsers + " users, " + numItems + " items, " + size() + " interactions"
                + (ratings != null ? ", ratings" : "") + (timestamps != null ? ", timestamps" : "") + "]";
    }
}
