package io.bloomfit.api.experiment;

import io.bloomfit.api.data.Dataset;
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

    /** Loads (or generates) the dataset a spec names. */
    public static Dataset load(DatasetSpec spec) {
        return switch (spec.source()) {
            case SYNTHETIC -> SyntheticDatasets.preset(spec.preset());
            case MOVIELENS, CSV -> throw new UnsupportedOperationException("file loaders");
        };
    }
}
