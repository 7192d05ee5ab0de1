package io.bloomfit.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where an experiment's data comes from, as written in a spec (every field optional except {@code source}):
 * <pre>
 * {source: synthetic, preset: synthetic-ml100k, seed: 42}
 * {source: synthetic, users: 5000, items: 2000, interactions: 200000, rank: 16, seed: 1}
 * {source: movielens, name: movielens-1m}              # fetched into the cache when missing
 * {source: movielens, path: /data/ml-1m}               # a file or unpacked directory, layout detected
 * {source: csv, path: clicks.tsv, delimiter: "\t", header: true, user: uid, item: sku, timestamp: ts}
 * </pre>
 * Loading options: {@code skipBadLines}, {@code ratingThreshold} (keep rating >= it), {@code implicit} (drop
 * ratings).
 *
 * @param source         synthetic | movielens | csv
 * @param name           dataset name; for movielens without a path, the release to fetch (e.g. movielens-100k)
 * @param path           file or directory (movielens, csv)
 * @param preset         synthetic preset (synthetic-ml100k, synthetic-large)
 * @param seed           synthetic seed (default 42)
 * @param users          custom synthetic size
 * @param items          custom synthetic size
 * @param interactions   custom synthetic size
 * @param rank           custom synthetic latent rank (default 16)
 * @param delimiter      csv delimiter (default ",")
 * @param header         csv has a header line (default true)
 * @param user           csv user column, name or 0-based index (default "0" without header, "userId" with)
 * @param item           csv item column (default "1" / "movieId")
 * @param rating         csv rating column or null
 * @param timestamp      csv timestamp column or null
 * @param skipBadLines   skip and count malformed lines instead of failing
 * @param ratingThreshold keep only ratings >= this
 * @param implicit       drop the rating column
 */
public record DatasetSpec(String source, String name, String path, String preset, Long seed, Integer users,
                          Integer items, Integer interactions, Integer rank, String delimiter, Boolean header,
                          String user, String item, String rating, String timestamp, Boolean skipBadLines,
                          Double ratingThreshold, Boolean implicit) {

    public static final List<String> SOURCES = List.of("synthetic", "movielens", "csv");

    public DatasetSpec {
        source = source == null ? null : source.trim().toLowerCase(Locale.ROOT);
        if (source == null || !SOURCES.contains(source)) {
            throw new IllegalArgumentException("dataset source '" + source + "' is unknown; use one of " + SOURCES);
        }
    }

    /** A synthetic preset. */
    public static DatasetSpec synthetic(String preset, long seed) {
        return new DatasetSpec("synthetic", null, null, preset, seed, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** A MovieLens release fetched into the cache when missing, e.g. {@code movielens-100k}. */
    public static DatasetSpec movieLens(String name) {
        return new DatasetSpec("movielens", name, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** A MovieLens file or directory. */
    public static DatasetSpec movieLensAt(Path path) {
        return new DatasetSpec("movielens", null, path.toString(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    public LoadOptions options() {
        return new LoadOptions(Boolean.TRUE.equals(skipBadLines),
                ratingThreshold == null ? Double.NaN : ratingThreshold, Boolean.TRUE.equals(implicit));
    }

    /** Loads with the default {@link DatasetFetcher} (official server, default cache). */
    public Dataset load() {
        return load(new DatasetFetcher());
    }

    /** Loads, fetching MovieLens releases through {@code fetcher} when needed. */
    public Dataset load(DatasetFetcher fetcher) {
        switch (source) {
            case "synthetic":
                return synthetic();
            case "movielens": {
                if (path != null) {
                    return MovieLensLoader.load(Path.of(path), name, options());
                }
                String release = name != null ? name : preset;
                if (release == null) {
                    throw new IllegalArgumentException("dataset source movielens needs a path or a name, one of "
                            + DatasetFetcher.names());
                }
                return fetcher.load(release, options());
            }
            default: {
                if (path == null) {
                    throw new IllegalArgumentException("dataset source csv needs a path");
                }
                boolean hasHeader = header == null || header;
                DelimitedFormat format = new DelimitedFormat(delimiter == null ? "," : delimiter, hasHeader,
                        user != null ? user : hasHeader ? "userId" : "0",
                        item != null ? item : hasHeader ? "movieId" : "1", rating, timestamp);
                Path file = Path.of(path);
                return DelimitedLoader.load(file, name != null ? name : file.getFileName().toString(), format,
                        options());
            }
        }
    }

    private Dataset synthetic() {
        long s = seed == null ? SyntheticDatasets.DEFAULT_SEED : seed;
        if (users != null || items != null || interactions != null) {
            if (users == null || items == null || interactions == null) {
                throw new IllegalArgumentException("a custom synthetic dataset needs users, items and interactions"
                        + " (or use preset: one of " + SyntheticDatasets.presetNames() + ")");
            }
            SyntheticSpec spec = new SyntheticSpec(users, items, interactions,
                    rank == null ? SyntheticSpec.DEFAULT_RANK : rank, s);
            return SyntheticDatasets.generate(name != null ? name : "synthetic", spec).dataset();
        }
        String p = preset != null ? preset : name != null ? name : "synthetic-ml100k";
        return SyntheticDatasets.preset(p, s);
    }
}
