package io.bloomfit.experiment;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.MovieLensLoader;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a spec's dataset with the same loaders everywhere (run, {@code datasets info}, server), so a bad line
 * fails the same way, naming file and line.
 */
public final class DatasetPreparer {

    private DatasetPreparer() {
    }

    /** Names a spec may use under {@code dataset.preset}. */
    public static List<String> syntheticPresets() {
        return SyntheticDatasets.presetNames();
    }

    /**
     * Splits {@code dataset} as the spec says; the runner trains on the training part and tests on the test
     * part (a validation part, when asked for, is held out of training and not used by the runner).
     */
    public static ExperimentData split(Dataset dataset, SplitSpec spec) {
        Split split = spec.apply(dataset.interactions());
        return new ExperimentData(split.train(), split.test(), dataset.describe() + "; " + split.summary());
    }

    /**
     * The dataset section a bare name or path stands for, format detected ({@link #describe(String, DatasetFormat)}
     * with {@link DatasetFormat#AUTO}).
     */
    public static DatasetSpec describe(String pathOrName) {
        return describe(pathOrName, DatasetFormat.AUTO).spec();
    }

    /**
     * A dataset named by a bare name or path (as {@code datasets info} and {@code bench --dataset} take it), and
     * how its format was decided.
     *
     * @param spec   the dataset section it stands for
     * @param format what it is read as and why, e.g. {@code movielens u.data layout (detected from the content)}
     */
    public record Described(DatasetSpec spec, String format) {
    }

    /**
     * The dataset section a bare name or path stands for: a synthetic preset name, a MovieLens release name
     * (fetched into the cache when missing), else a file or folder read in {@code format}. With
     * {@link DatasetFormat#AUTO}: MovieLens when the name says so (u.data, ratings.dat, ratings.csv, or a folder
     * holding one) or the first line has a MovieLens layout (tab-separated, {@code ::}-separated, or a
     * {@code userId,movieId} header), else a comma-separated file with a header.
     */
    public static Described describe(String pathOrName, DatasetFormat format) {
        if (syntheticPresets().contains(pathOrName)) {
            return new Described(DatasetSpec.synthetic(pathOrName, SyntheticDatasets.DEFAULT_SEED),
                    "synthetic preset");
        }
        if (DatasetFetcher.knows(pathOrName)) {
            return new Described(DatasetSpec.movieLens(pathOrName), "movielens release");
        }
        Path path = Path.of(pathOrName);
        switch (format) {
            case MOVIELENS:
                return new Described(DatasetSpec.movieLensAt(path), "movielens (--format movielens)");
            case CSV:
                return new Described(DatasetSpec.csv(path), "csv with a userId,movieId header (--format csv)");
            default:
                break;
        }
        if (Files.isDirectory(path)) {
            return new Described(DatasetSpec.movieLensAt(path), "movielens (a directory)");
        }
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        for (MovieLensLoader.Layout layout : MovieLensLoader.Layout.values()) {
            if (file.equals(layout.fileName())) {
                return new Described(DatasetSpec.movieLensAt(path), "movielens " + layout.fileName()
                        + " layout (from the file name)");
            }
        }
        MovieLensLoader.Layout layout = Files.isRegularFile(path) ? MovieLensLoader.detectFromContent(path) : null;
        if (layout != null) {
            return new Described(DatasetSpec.movieLensAt(path), "movielens " + layout.fileName()
                    + " layout (detected from the content; --format csv to read it as csv)");
        }
        return new Described(DatasetSpec.csv(path), "csv with a userId,movieId header (the name and first line "
                + "say nothing else; --format movielens for MovieLens)");
    }

    /** Loads (or generates) the dataset a spec names, fetching a named MovieLens release when it is not cached. */
    public static Dataset load(DatasetSpec spec) {
        return spec.load();
    }
}
