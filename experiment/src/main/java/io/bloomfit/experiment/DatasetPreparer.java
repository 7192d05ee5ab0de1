package io.bloomfit.experiment;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.FileSplit;
import io.bloomfit.data.MovieLensLoader;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitKind;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.eval.UserSample;
import io.bloomfit.experiment.spec.EvaluationSpec;
import io.bloomfit.experiment.spec.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a spec's dataset with the same loaders everywhere (run, {@code datasets info}, server), so a bad line
 * fails the same way, naming file and line. A run's data is prepared one way: {@link #prepare(ExperimentSpec)}
 * (through {@link ExperimentRun}) loads, splits (a {@code files} split reads its part files) and samples the
 * evaluation users; {@link #prepare(DatasetSpec, SplitSpec)} is the same without a spec's evaluation section.
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
    private static ExperimentData split(Dataset dataset, SplitSpec spec) {
        Split split = spec.apply(dataset.interactions());
        return new ExperimentData(split.train(), split.test(), dataset.describe() + "; " + split.summary());
    }

    /**
     * The dataset a run's models are indexed by, and the data it trains and tests on.
     *
     * @param dataset what ids the indexes stand for (for a {@code files} split: the training file)
     * @param data    the split data
     */
    public record Prepared(Dataset dataset, ExperimentData data) {
    }

    /**
     * Loads and splits as {@code spec} says ({@link #prepare(DatasetSpec, SplitSpec)}), then keeps the test pairs of
     * the seeded user sample its {@code evaluation} section asks for ({@link UserSample}; the same users for every
     * grid point and repeat), stated in the data's description.
     */
    public static Prepared prepare(ExperimentSpec spec) {
        Prepared prepared = prepare(spec.dataset(), spec.split());
        EvaluationSpec evaluation = spec.evaluation();
        if (!evaluation.sampled()) {
            return prepared;
        }
        ExperimentData data = prepared.data();
        UserSample sample = UserSample.draw(data.train(), data.test(), evaluation.users(), evaluation.seed());
        return new Prepared(prepared.dataset(), new ExperimentData(data.train(), sample.test(), data.description()
                + "; evaluation: a sample of " + sample.sampled() + " of " + sample.candidates() + " test users (seed "
                + evaluation.seed() + ")"));
    }

    /**
     * Loads and splits as a spec says: for a {@code files} split ({@link FileSplit}) each part file is read with the
     * dataset section's loader and mapped into the training file's index space; otherwise the dataset is loaded
     * and split.
     */
    public static Prepared prepare(DatasetSpec dataset, SplitSpec split) {
        if (split.kind() == SplitKind.FILES) {
            FileSplit files = FileSplit.read(split.files(), path -> dataset.withPath(path.toString()).load());
            Split parts = files.split();
            return new Prepared(files.dataset(), new ExperimentData(parts.train(), parts.test(),
                    files.dataset().describe() + "; " + parts.summary()));
        }
        Dataset loaded = load(dataset);
        return new Prepared(loaded, split(loaded, split));
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
