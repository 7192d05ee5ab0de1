package io.bloomfit.experiment;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.FileSplit;
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
     * The dataset section a bare name or path stands for (used by {@code datasets info}): a synthetic preset name,
     * a MovieLens release name (fetched into the cache when missing), else a file or folder read as MovieLens when
     * it is one (u.data, ratings.dat, ratings.csv or a folder holding one), else as a comma-separated file with a
     * header.
     */
    public static DatasetSpec describe(String pathOrName) {
        if (syntheticPresets().contains(pathOrName)) {
            return DatasetSpec.synthetic(pathOrName, SyntheticDatasets.DEFAULT_SEED);
        }
        if (DatasetFetcher.knows(pathOrName)) {
            return DatasetSpec.movieLens(pathOrName);
        }
        Path path = Path.of(pathOrName);
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean movielens = Files.isDirectory(path) || file.equals("u.data") || file.equals("ratings.dat")
                || file.equals("ratings.csv");
        if (movielens) {
            return DatasetSpec.movieLensAt(path);
        }
        return DatasetSpec.csv(path);
    }

    /** Loads (or generates) the dataset a spec names, fetching a named MovieLens release when it is not cached. */
    public static Dataset load(DatasetSpec spec) {
        return spec.load();
    }
}
