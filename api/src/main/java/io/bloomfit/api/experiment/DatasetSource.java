package io.bloomfit.api.experiment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which loader reads a spec's dataset. */
public enum DatasetSource {
    /** MovieLens files ({@code u.data}, {@code ratings.dat}, {@code ratings.csv}), format detected from the file. */
    MOVIELENS,
    /** A generic delimited file described by the csv options. */
    CSV,
    /** The built-in seeded generator, chosen by {@code preset}. */
    SYNTHETIC;

    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The list users may choose from, for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(DatasetSource::specName).collect(Collectors.joining(" | "));
    }
}
