package io.bloomfit.experiment;

import java.nio.file.Path;

/**
 * How an {@link ExperimentRun} runs its points in this JVM, besides what the spec says.
 *
 * @param parallel     grid points in flight at once, at least 1 (1 keeps timings clean); each evaluation gets its
 *                     share of the cores ({@link io.bloomfit.experiment.grid.Evaluation#standard(int)})
 * @param resume       skip points with an {@code ok} row in the store (without it the store must hold no rows)
 * @param keptModels   where each fitted point's model is saved, with the dataset's id maps and training items
 *                     beside them ({@link io.bloomfit.experiment.keep.KeptModels}); {@code null} keeps none
 */
public record RunOptions(int parallel, boolean resume, Path keptModels) {

    public RunOptions {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
    }

    /** One point at a time, no resume, no models kept. */
    public static RunOptions defaults() {
        return new RunOptions(1, false, null);
    }
}
