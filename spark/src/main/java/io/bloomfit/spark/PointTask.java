package io.bloomfit.spark;

import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.PointRunner;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One grid point on an executor: resolves the sweep's plugins there, fails the point with a clear message when
 * one the point needs is missing, else runs it through the JVM's shared {@link PointRunner} (see
 * {@link ExecutorRunners}) and returns its row. A failure of the point itself is the runner's {@code failed} row;
 * an experiment that cannot be set up on this executor (the data cannot be read here, say) is a {@code failed}
 * row naming the executor. Only a killed task (a cancelled sweep) gives no row.
 */
final class PointTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SweepJob job;

    PointTask(SweepJob job) {
        this.job = job;
    }

    /**
     * Runs {@code coordinates}.
     *
     * @param executor   this executor's Spark id, for messages and progress lines
     * @param host       this executor's host
     * @param shippedDir where a file or archive shipped with the job lies on this executor
     * @param killed     whether Spark asked this task to stop (the fit then stops at its next step)
     */
    TaskOutcome run(PointCoordinates coordinates, String executor, String host, Function<String, Path> shippedDir,
                    BooleanSupplier killed) {
        long start = System.nanoTime();
        GridPoint point = coordinates.point();
        String where = "executor " + executor + " on " + host;
        FitStart fitStart = new FitStart(killed);
        ResultRow row;
        Plugins plugins = null;
        try {
            plugins = ExecutorRunners.plugins(job, shippedDir);
        } catch (RuntimeException e) {
            row = FailedRows.of(point, job, where + ": cannot open the plugins shipped with the job: " + e);
            return outcome(row, executor, host, start, fitStart);
        }
        String missing = ExecutorPlugins.missing(plugins, point, job.trainer());
        if (missing != null) {
            row = FailedRows.of(point, job, where + ": " + missing);
            return outcome(row, executor, host, start, fitStart);
        }
        PointRunner runner;
        try {
            runner = ExecutorRunners.runner(job, shippedDir);
        } catch (RuntimeException e) {
            row = FailedRows.of(point, job, where + ": cannot set the experiment up: " + e.getMessage());
            return outcome(row, executor, host, start, fitStart);
        }
        row = runner.run(point, fitStart);
        return outcome(row, executor, host, start, fitStart);
    }

    private static TaskOutcome outcome(ResultRow row, String executor, String host, long start, FitStart fitStart) {
        long end = System.nanoTime();
        double setup = fitStart.nanos == 0 ? Double.NaN : (fitStart.nanos - start) / 1e9;
        return new TaskOutcome(ResultRowJson.write(row), executor, host, setup, (end - start) / 1e9);
    }

    /** Notes when the fit's first epoch starts, and passes Spark's kill request on as a stop request. */
    private static final class FitStart implements TrainingListener {

        private final BooleanSupplier killed;
        private volatile long nanos;

        FitStart(BooleanSupplier killed) {
            this.killed = killed;
        }

        @Override
        public void epochStarted(int epoch, int epochCount, long steps) {
            if (nanos == 0) {
                nanos = System.nanoTime();
            }
        }

        @Override
        public boolean stopRequested() {
            return killed.getAsBoolean();
        }
    }
}
