package io.bloomfit.experiment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a ratings file given by path alone (not through a spec) is read: as MovieLens (u.data, ratings.dat or
 * ratings.csv layout, told apart by name or first line) or as a generic comma-separated file with a header naming
 * {@code userId} and {@code movieId}. {@link #AUTO} decides from the file name, else from its content.
 */
public enum DatasetFormat {
    /** From the name, else from the first line. */
    AUTO("auto"),
    /** MovieLens ratings; the layout from the name, else from the first line. */
    MOVIELENS("movielens"),
    /** Comma-separated with a header line naming {@code userId} and {@code movieId} columns. */
    CSV("csv");

    private final String specName;

    DatasetFormat(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /**
     * The format named {@code name} ({@code auto}, {@code movielens}, {@code csv}).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static DatasetFormat fromName(String name) {
        for (DatasetFormat f : values()) {
            if (f.specName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format: unknown format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(DatasetFormat::specName).collect(Collectors.joining(", ")));
    }
}
