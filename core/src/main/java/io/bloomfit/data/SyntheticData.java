package io.bloomfit.data;

import java.util.Objects;

/**
 * A generated dataset together with the hidden preferences it was drawn from.
 *
 * @param dataset the data, as any loader would return it
 * @param truth   popularity and latent factors used to draw it (an oracle for tests)
 * @param spec    the parameters it was generated from
 */
public record SyntheticData(Dataset dataset, LatentPreferences truth, SyntheticSpec spec) {

    public SyntheticData {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(spec, "spec");
    }
}
