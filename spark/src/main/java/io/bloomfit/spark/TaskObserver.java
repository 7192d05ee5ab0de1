package io.bloomfit.spark;

import io.bloomfit.experiment.grid.GridPoint;

/** Hears where and how each point's task ran, just before its row goes to the store (progress lines, timings). */
@FunctionalInterface
interface TaskObserver {

    TaskObserver NONE = (point, outcome) -> {
    };

    void taskFinished(GridPoint point, TaskOutcome outcome);
}
