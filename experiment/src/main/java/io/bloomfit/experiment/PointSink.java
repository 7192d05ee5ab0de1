package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.api.train.TrainingListener;
import java.io.IOException;

/**
 * Where a {@link PointScheduler} hands what happens to the points it runs: the run's store and its listener
 * behind one interface. Implementations are thread-safe: a scheduler may call them from several threads at once.
 */
public interface PointSink {

    /**
     * A point starts in this process; its fit reports progress to the returned listener. A scheduler that runs the
     * point elsewhere (another process, another machine) may skip this call.
     */
    TrainingListener started(GridPoint point);

    /** A point finished (ok or failed): stores its row, durably before returning, and reports it. */
    void finished(ResultRow row) throws IOException;

    /** A started point's fit stopped because the run was cancelled: it has no row and runs again on resume. */
    void cancelled(GridPoint point);
}
