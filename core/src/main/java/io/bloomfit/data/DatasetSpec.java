package io.bloomfit.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an experiment's data comes from, as written in a spec. The spec's {@code dataset} section is flat (every
 * key optional except {@code source}); this record groups its keys by what they configure:
 * <pre>
 * {source: synthetic, preset: synthetic-ml100k, seed: 42}
 * {source: synthetic, users: 5000, items: 2000, interactions: 200000, rank: 16, seed: 1}
 * {source: movielens, name: movielens-1m}              # fetched into the cache when missing
 * {source: movielens, path: /data/ml-1m}               # a file or unpacked directory, layout detected
 * {source: csv, path: clicks.tsv, delimiter: "\t", header: true, user: uid, item: sku, timestamp: ts}
 * </pre>
 * Loading options: {@code skipBadLines}, {@code ratingThreshold} (keep rating >= it), {@code implicit} (drop
 * ratings). A {@code null} anywhere means "not set in the spec": the loader's default applies, and the key is left
 * out of the stored spec.
 *
 * @param source    which kind of source
 * @param name      dataset name; for movielens without a path, the release to fetch (e.g. movielens-100k)
 * @param path      file or directory (movielens, csv)
 * @param synthetic the synthetic keys ({@code preset, seed, users, items, interactions, rank})
 * @param columns   the csv keys ({@code delimiter, header, user, item, rating, timestamp})
 * @param loading   the loading keys ({@code skipBadLines, ratingThreshold, implicit})
 */
public record DatasetSpec(DatasetSource source, String name, String path, Synthetic synthetic, Columns columns,
                          Loading loading) {

    public DatasetSpec {
        Objects.requireNonNull(source, "dataset.source");
        synthetic = synthetic == null ? Synthetic.UNSET : synthetic;
        columns = columns == null ? Columns.UNSET : columns;
        loading = loading == null ? Loading.UNSET : loading;
    }

    /**
     * The synthetic keys of a {@code dataset} section.
     *
     * @param preset       synthetic preset (synthetic-ml100k, synthetic-large)
     * @param seed         synthetic seed (default {@value SyntheticDatasets#DEFAULT_SEED})
     * @param users        custom synthetic size
     * @param items        custom synthetic size
     * @param interactions custom synthetic size
     * @param rank         custom synthetic latent rank (default {@value SyntheticSpec#DEFAULT_RANK})
     */
    public record Synthetic(String preset, Long seed, Integer users, Integer items, Integer interactions,
                            Integer rank) {

        /** Nothing set. */
        public static final Synthetic UNSET = new Synthetic(null, null, null, null, null, null);

        /** Whether any custom size is set (then all three must be). */
        public boolean custom() {
            return users != null || items != null || interactions != null;
        }
    }

    /**
     * The csv keys of a {@code dataset} section.
     *
     * @param delimiter csv delimiter (default ",")
     * @param header    csv has a header line (default true)
     * @param user      user column, name or 0-based index (default "0" without header, "userId" with)
     * @param item      item column (default "1" / "movieId")
     * @param rating    rating column or null
     * @param timestamp timestamp column or null
     */
    public record Columns(String delimiter, Boolean header, String user, String item, String rating,
                          String timestamp) {

        /** Nothing set. */
        public static final Columns UNSET = new Columns(null, null, null, null, null, null);

        /** The file layout these keys describe, defaults filled in. */
        public DelimitedFormat format() {
            boolean hasHeader = header == null || header;
            return new DelimitedFormat(delimiter == null ? "," : delimiter, hasHeader,
                    user != null ? user : hasHeader ? "userId" : "0",
                    item != null ? item : hasHeader ? "movieId" : "1", rating, timestamp);
        }
    }

    /**
     * The loading keys of a {@code dataset} section.
     *
     * @param skipBadLines    skip and count malformed lines instead of failing
     * @param ratingThreshold keep only ratings >= this
     * @param implicit        drop the rating column
     */
    public record Loading(Boolean skipBadLines, Double ratingThreshold, Boolean implicit) {

        /** Nothing set. */
        public static final Loading UNSET = new Loading(null, null, null);

        /** These keys as loader options, defaults filled in. */
        public LoadOptions options() {
            return new LoadOptions(Boolean.TRUE.equals(skipBadLines),
                    ratingThreshold == null ? Double.NaN : ratingThreshold, Boolean.TRUE.equals(implicit));
        }
    }

    /** A synthetic preset. */
    public static DatasetSpec synthetic(String preset, long seed) {
        return new DatasetSpec(DatasetSource.SYNTHETIC, null, null,
                new Synthetic(preset, seed, null, null, null, null), null, null);
    }

    /** A MovieLens release fetched into the cache when missing, e.g. {@code movielens-100k}. */
    public static DatasetSpec movieLens(String name) {
        return new DatasetSpec(DatasetSource.MOVIELENS, name, null, null, null, null);
    }

    /** A MovieLens file or directory. */
    public static DatasetSpec movieLensAt(Path path) {
        return new DatasetSpec(DatasetSource.MOVIELENS, null, path.toString(), null, null, null);
    }

    /** A comma-separated file with a header naming {@code userId} and {@code movieId} columns. */
    public static DatasetSpec csv(Path path) {
        return new DatasetSpec(DatasetSource.CSV, null, path.toString(), null, null, null);
    }

    public LoadOptions options() {
        return loading.options();
    }

    /** The same loader and options pointed at another file (e.g. one part of a {@code files} split). */
    public DatasetSpec withPath(String file) {
        return new DatasetSpec(source, name, file, synthetic, columns, loading);
    }

    /** Loads with the default {@link DatasetFetcher} (official server, default cache). */
    public Dataset load() {
        return load(new DatasetFetcher());
    }

    /**
     * Loads, fetching MovieLens releases through {@code fetcher} when needed.
     *
     * @throws DatasetLoadException when the keys do not describe a dataset (a missing path, incomplete custom
     *                              sizes) or the data cannot be read
     */
    public Dataset load(DatasetFetcher fetcher) {
        switch (source) {
            case SYNTHETIC:
                return generate();
            case MOVIELENS: {
                if (path != null) {
                    return MovieLensLoader.load(Path.of(path), name, options());
                }
                String release = name != null ? name : synthetic.preset();
                if (release == null) {
                    throw new DatasetLoadException("dataset source movielens needs a path or a name, one of "
                            + DatasetFetcher.names());
                }
                return fetcher.load(release, options());
            }
            default: {
                if (path == null) {
                    throw new DatasetLoadException("dataset source csv needs a path");
                }
                Path file = Path.of(path);
                return DelimitedLoader.load(file, name != null ? name : file.getFileName().toString(),
                        columns.format(), options());
            }
        }
    }

    private Dataset generate() {
        long s = synthetic.seed() == null ? SyntheticDatasets.DEFAULT_SEED : synthetic.seed();
        if (synthetic.custom()) {
            if (synthetic.users() == null || synthetic.items() == null || synthetic.interactions() == null) {
                throw new DatasetLoadException("a custom synthetic dataset needs users, items and interactions"
                        + " (or use preset: one of " + SyntheticDatasets.presetNames() + ")");
            }
            SyntheticSpec spec;
            try {
                spec = new SyntheticSpec(synthetic.users(), synthetic.items(), synthetic.interactions(),
                        synthetic.rank() == null ? SyntheticSpec.DEFAULT_RANK : synthetic.rank(), s);
            } catch (IllegalArgumentException e) {
                // sizes from the spec that cannot make a dataset: the user's input, not a bug
                throw new DatasetLoadException("dataset: " + e.getMessage(), e);
            }
            return SyntheticDatasets.generate(name != null ? name : "synthetic", spec).dataset();
        }
        String p = synthetic.preset() != null ? synthetic.preset() : name != null ? name : "synthetic-ml100k";
        return SyntheticDatasets.preset(p, s);
    }
}
