package io.bloomfit.spark;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's progress: one line per finished point, as the CLI's plain mode prints it, plus the executor the
 * point ran on and its task setup time (task start to fit start); at the end a line summing the tasks up.
 */
final class SweepProgress implements ExperimentListener, TaskObserver {

    private final PrintStream err;
    private final Map<String, TaskOutcome> outcomes = new ConcurrentHashMap<>();
    private int tasks;
    private double setupTotal;
    private int setupCount;
    private double setupMax;
    private final TreeSet<String> executors = new TreeSet<>();

    SweepProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void started(List<GridPoint> points, int skipped) {
        err.println("grid: " + points.size() + " points to run" + (skipped > 0 ? ", " + skipped
                + " finished earlier (resumed)" : ""));
        err.flush();
    }

    @Override
    public synchronized void taskFinished(GridPoint point, TaskOutcome outcome) {
        outcomes.put(point.key(), outcome);
        tasks++;
        executors.add(outcome.executor() + "@" + outcome.host());
        if (Double.isFinite(outcome.setupSeconds())) {
            setupTotal += outcome.setupSeconds();
            setupCount++;
            setupMax = Math.max(setupMax, outcome.setupSeconds());
        }
    }

    @Override
    public synchronized void pointFinished(ResultRow row, int index, int total) {
        TaskOutcome outcome = outcomes.remove(row.point().key());
        String where = outcome == null ? "" : String.format(Locale.ROOT, "  [executor %s on %s, setup %s]",
                outcome.executor(), outcome.host(), Double.isFinite(outcome.setupSeconds())
                        ? String.format(Locale.ROOT, "%.2f s", outcome.setupSeconds()) : "-");
        err.println("[" + index + "/" + total + "] " + row.point().label() + "  " + (row.ok()
                ? String.format(Locale.ROOT, "MRR %.4f  %.3f s/epoch  eval %.2f s", row.mrr(), row.secondsPerEpoch(),
                row.costs().evalSeconds())
                : "FAILED: " + row.error()) + where);
        err.flush();
    }

    /** One line: tasks, executors, mean and largest setup time; empty when no task ran. */
    synchronized String summary() {
        if (tasks == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "spark: %d tasks on %d executor(s) %s; task start to fit start: mean %.3f s,"
                        + " max %.3f s (the first task of each executor JVM also loads the data and warms the trainer up)",
                tasks, executors.size(), executors, setupCount == 0 ? Double.NaN : setupTotal / setupCount, setupMax);
    }
}
