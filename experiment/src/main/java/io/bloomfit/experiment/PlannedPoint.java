package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;

/**
 * One point of a {@link PlannedRun}: its sizes as its row would record them before the fit ({@link
 * PointRunner#plan}).
 *
 * @param point      the grid point
 * @param parameters trainable floats of its layouts (0 for a reference ranker; the trainer adds its biases)
 * @param bytes      its layouts' parameters and index maps in bytes (0 for a reference ranker)
 * @param memory     the Java heap it needs, estimated; {@code null} when its layouts could not be built
 * @param error      why its layouts could not be built (its run would record a failed row), else {@code null}
 */
public record PlannedPoint(GridPoint point, long parameters, long bytes, MemoryEstimate memory, String error) {

    /** Whether its sizes are known. */
    public boolean sized() {
        return error == null;
    }
}
