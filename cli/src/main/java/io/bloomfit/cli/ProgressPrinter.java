package io.bloomfit.cli;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.api.train.TrainingListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Shows run progress: on a terminal one live line per grid point (epoch, loss, examples/s, ETA of the point),
 * rewritten in place; otherwise (or with {@code --quiet}) plain lines, one per epoch unless quiet (and one per
 * 30 s within a long epoch), one per point.
 */
final class ProgressPrinter implements ExperimentListener {

    private static final long REDRAW_NANOS = 200_000_000L;
    /** Without a terminal, a long epoch still prints a step line this often (not only when it ends). */
    static final long SLOW_STEP_LINE_NANOS = 30_000_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final boolean epochLines;
    private final int epochs;
    private long lastDraw;

    ProgressPrinter(PrintWriter err, boolean live, boolean epochLines, int epochs) {
        this.err = err;
        this.live = live;
        this.epochLines = epochLines;
        this.epochs = epochs;
    }

    @Override
    public synchronized void started(List<GridPoint> points, int skipped) {
        err.println("grid: " + points.size() + " points to run" + (skipped > 0 ? ", " + skipped
                + " finished earlier (resumed)" : ""));
        err.flush();
    }

    @Override
    public synchronized void note(String message) {
        if (live) {
            err.print("\r\033[2K");
        }
        err.println("bloomfit: " + message);
        err.flush();
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        String prefix = "[" + index + "/" + total + "] " + point.label();
        synchronized (this) {
            if (live) {
                draw(prefix + "  building layouts", true);
            }
        }
        return new TrainingListener() {
            private long epochStart;
            private long lastLine = System.nanoTime();

            @Override
            public void epochStarted(int epoch, int epochCount, long steps) {
                epochStart = System.nanoTime();
            }

            @Override
            public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
                if (!live) {
                    long now = System.nanoTime();
                    if (epochLines && now - lastLine >= SLOW_STEP_LINE_NANOS && step < steps) {
                        lastLine = now;
                        synchronized (ProgressPrinter.this) {
                            err.println(String.format(Locale.ROOT, "%s  epoch %d/%d  step %d/%d  loss %.4f  "
                                    + "%,.0f ex/s", prefix, epoch, epochs, step, steps, meanLoss, examplesPerSecond));
                            err.flush();
                        }
                    }
                    return;
                }
                long now = System.nanoTime();
                synchronized (ProgressPrinter.this) {
                    if (now - lastDraw < REDRAW_NANOS && step != steps) {
                        return;
                    }
                    double elapsed = (now - epochStart) / 1e9;
                    double perStep = step > 0 ? elapsed / step : 0;
                    double remaining = perStep * ((steps - step) + (double) steps * (epochs - epoch));
                    draw(String.format(Locale.ROOT, "%s  epoch %d/%d  step %d/%d  loss %.4f  %,.0f ex/s  ETA %s",
                            prefix, epoch, epochs, step, steps, meanLoss, examplesPerSecond, clock(remaining)), false);
                }
            }

            @Override
            public void epochFinished(int epoch, int epochCount, double meanLoss, double seconds) {
                if (live || !epochLines) {
                    return;
                }
                synchronized (ProgressPrinter.this) {
                    err.println(String.format(Locale.ROOT, "%s  epoch %d/%d  loss %.4f  %.2f s", prefix, epoch,
                            epochCount, meanLoss, seconds));
                    err.flush();
                }
            }
        };
    }

    @Override
    public synchronized void pointFinished(ResultRow row, int index, int total) {
        String line = "[" + index + "/" + total + "] " + row.point().label() + "  " + (row.ok()
                ? String.format(Locale.ROOT, "MRR %.4f  %.3f s/epoch  eval %.2f s", row.mrr(), row.secondsPerEpoch(),
                row.costs().evalSeconds())
                : "FAILED: " + row.error());
        if (live) {
            err.print("\r\033[2K");
        }
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void pointCancelled(GridPoint point, int index, int total) {
        if (live) {
            err.print("\r\033[2K");
        }
        err.println("[" + index + "/" + total + "] " + point.label() + "  cancelled (runs again on --resume)");
        err.flush();
    }

    private void draw(String text, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r\033[2K" + text);
        err.flush();
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
