package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.ResultRow;

import java.util.List;

/**
 * How an {@link ExperimentRun} ended.
 *
 * @param rows            every row in the store afterwards (an earlier run's rows included on resume)
 * @param cancelled       the run was cancelled: the points that did not finish are left for a resume
 * @param dataDescription what the data was, for reports (e.g. {@code synthetic-ml100k: 943 users, ...})
 */
public record RunOutcome(List<ResultRow> rows, boolean cancelled, String dataDescription) {

    public RunOutcome {
        rows = List.copyOf(rows);
    }
}
