package io.bloomfit.experiment;

import io.bloomfit.api.data.Interactions;
import java.util.Objects;

/**
 * The split data every grid point of an experiment trains and is tested on. Train and test share one index
 * space (same {@code numUsers} and {@code numItems}).
 *
 * @param train       training interactions
 * @param test        test interactions
 * @param description what was loaded, for reports (e.g. {@code synthetic-ml100k: 943 users, ...})
 */
public record ExperimentData(Interactions train, Interactions test, String description) {

    public ExperimentData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("train (" + train.numUsers() + " users, " + train.numItems()
                    + " items) and test (" + test.numUsers() + " users, " + test.numItems()
                    + " items) must share one index space");
        }
    }
}
