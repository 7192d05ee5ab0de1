package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import java.util.Objects;

/**
 * A dataset divided into training, validation and test interactions over ONE user/item index space, with no
 * (user, item) pair in two parts.
 *
 * @param train          what the model is fitted on
 * @param validation     held out for model selection; empty (size 0) when none was asked for
 * @param test           held out for the final numbers
 * @param description    how it was made, e.g. {@code random(test=0.2, seed=42)}
 * @param coldStartUsers users with test interactions but none in train (evaluation excludes them)
 * @param coldStartItems items with test interactions but none in train (evaluation excludes their test pairs)
 */
public record Split(Interactions train, Interactions validation, Interactions test, String description,
                    int coldStartUsers, int coldStartItems) {

    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
    }

    public boolean hasValidation() {
        return validation.size() > 0;
    }

    /** Builds a split and counts its cold-start users and items. */
    static Split of(Interactions train, Interactions validation, Interactions test, String description) {
        int[] userTrain = train.userCounts();
        int[] itemTrain = train.itemCounts();
        boolean[] userSeen = new boolean[train.numUsers()];
        boolean[] itemSeen = new boolean[train.numItems()];
        int coldUsers = 0;
        int coldItems = 0;
        for (int i = 0; i < test.size(); i++) {
            int u = test.user(i);
            int it = test.item(i);
            if (userTrain[u] == 0 && !userSeen[u]) {
                userSeen[u] = true;
                coldUsers++;
            }
            if (itemTrain[it] == 0 && !itemSeen[it]) {
                itemSeen[it] = true;
                coldItems++;
            }
        }
        return new Split(train, validation, test, description, coldUsers, coldItems);
    }

    /** One line for logs: sizes and cold-start counts. */
    public String summary() {
        return description + ": train " + train.size() + ", validation " + validation.size() + ", test "
                + test.size() + " interactions; " + coldStartUsers + " cold-start users and " + coldStartItems
                + " cold-start items in test (excluded from ranking metrics)";
    }
}
