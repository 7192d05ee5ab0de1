package io.bloomfit.data;

import java.util.Objects;

/**
 * The part files of a {@code split: {kind: files, train: PATH, test: PATH, validation: PATH}}, each in a format the
 * dataset section's loader reads (e.g. MovieLens 100K's {@code u1.base} and {@code u1.test}).
 *
 * @param train      the training part
 * @param test       the test part
 * @param validation the validation part, or {@code null} for none
 */
public record SplitFiles(String train, String test, String validation) {

    public SplitFiles {
        Objects.requireNonNull(train, "split.train");
        Objects.requireNonNull(test, "split.test");
    }
}
