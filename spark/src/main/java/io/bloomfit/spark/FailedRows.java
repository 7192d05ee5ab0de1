package io.bloomfit.spark;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import java.time.Instant;

/**
 * The {@code failed} row of a point that never reached {@link io.bloomfit.experiment.PointRunner}: a plugin the
 * spec names is missing on the executor, the executor cannot set the experiment up, or Spark gave up on the task.
 * Like the runner's own failed rows it has no metrics and NaN times, so {@code --resume} runs the point again.
 */
final class FailedRows {

    private FailedRows() {
    }

    static ResultRow of(GridPoint point, SweepJob job, String error) {
        return new ResultRow(point, ResultStatus.FAILED, error, null,
                new ResultRow.Fit(job.trainer(), null, job.threads(), null, null, Double.NaN),
                new ResultRow.Sizes(0, 0, Double.NaN, null, null),
                new ResultRow.Costs(Double.NaN, Double.NaN, 0, Instant.now().toString()));
    }
}
