package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.Objects;

/**
 * A loaded or generated dataset: the interactions over dense indices, the maps back to the source's user and item
 * ids, a name for reports, and the {@link LoadReport} saying what loading skipped or merged.
 *
 * @param name         e.g. {@code movielens-100k}, {@code synthetic-ml100k}, or a file name
 * @param interactions the data, over {@code userIds.size()} users and {@code itemIds.size()} items
 * @param userIds      dense user index to source id and back
 * @param itemIds      dense item index to source id and back
 * @param report       what loading did
 */
public record Dataset(String name, Interactions interactions, IdIndex userIds, IdIndex itemIds, LoadReport report) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(itemIds, "itemIds");
        Objects.requireNonNull(report, "report");
        if (userIds.size() != interactions.numUsers()) {
            throw new IllegalArgumentException("user id index has " + userIds.size() + " ids but the interactions have "
                    + interactions.numUsers() + " users");
        }
        if (itemIds.size() != interactions.numItems()) {
            throw new IllegalArgumentException("item id index has " + itemIds.size() + " ids but the interactions have "
                    + interactions.numItems() + " items");
        }
    }

    public int numUsers() {
        return interactions.numUsers();
    }

    public int numItems() {
        return interactions.numItems();
    }

    public int numInteractions() {
        return interactions.size();
    }

    /** Fraction of the user x item matrix that is filled. */
    public double density() {
        return numUsers() == 0 || numItems() == 0 ? 0 : (double) numInteractions() / ((double) numUsers() * numItems());
    }

    /**
     * One line for logs and reports: name, counts, density, rating/timestamp columns, and how many bad lines
     * loading skipped (with {@code skipBadLines}) when it skipped any.
     */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s: %,d users, %,d items, %,d interactions (density %.4f%%)%s%s%s",
                name, numUsers(), numItems(), numInteractions(), 100 * density(),
                interactions.hasRatings() ? ", ratings" : "", interactions.hasTimestamps() ? ", timestamps" : "",
                report.skippedLines() > 0 ? String.format(java.util.Locale.ROOT,
                        ", %,d bad lines skipped (skipBadLines)", report.skippedLines()) : "");
    }
}
