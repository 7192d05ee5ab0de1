package io.bloomfit.api.experiment;

/**
 * The {@code dataset} section of a spec: where the interactions come from.
 *
 * <p>Keys and defaults: {@code source} ({@code movielens | csv | synthetic}, default {@code synthetic});
 * {@code path} (file for movielens/csv); {@code preset} (for synthetic, default {@code synthetic-ml100k});
 * for csv also {@code delimiter} (default {@code ,}), {@code header} (default {@code true}), {@code user},
 * {@code item}, {@code rating}, {@code timestamp} (column names when there is a header, else 0-based
 * indices; defaults {@code 0}, {@code 1}, none, none); for every file source {@code minRating} (keep only
 * interactions rated at least this; default: keep all) and {@code skipBadLines} (default {@code false}:
 * a malformed line fails the run naming file and line).
 *
 * @param source       loader kind
 * @param path         file for movielens/csv, {@code null} for synthetic
 * @param preset       synthetic preset name, {@code null} for file sources
 * @param delimiter    csv field delimiter
 * @param header       whether the csv's first line names the columns
 * @param user         csv user column (name or index)
 * @param item         csv item column (name or index)
 * @param rating       csv rating column, or {@code null}
 * @param timestamp    csv timestamp column, or {@code null}
 * @param minRating    implicit threshold, or {@code null} for none
 * @param skipBadLines count and skip malformed lines instead of failing
 */
public record DatasetSpec(DatasetSource source, String path, String preset, String delimiter, boolean header,
                          String user, String item, String rating, String timestamp, Double minRating,
                          boolean skipBadLines) {

    /** A short description for reports, e.g. {@code synthetic synthetic-ml100k} or {@code movielens u.data}. */
    public String describe() {
        return source.specName() + " " + (source == DatasetSource.SYNTHETIC ? preset : path);
    }
}
