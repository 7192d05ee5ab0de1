package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.api.train.TrainingCancelledException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs points in this JVM through one {@link PointRunner}: one after another in grid order (parallelism 1, the
 * default, so timings are clean), or up to {@code parallelism} at once on threads of its own. With parallelism
 * above 1, layouts and evaluation of different points overlap; whether fits overlap is the trainer's declared
 * capability (see {@link PointRunner}).
 */
public final class LocalPointScheduler implements PointScheduler {

    private final PointRunner runner;
    private final int parallelism;

    /**
     * @param parallelism points in flight at once, at least 1
     */
    public LocalPointScheduler(PointRunner runner, int parallelism) {
        this.runner = Objects.requireNonNull(runner, "runner");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    @Override
    public void run(List<GridPoint> points, PointSink sink, Cancellation cancellation) throws IOException {
        if (parallelism == 1 || points.size() <= 1) {
            for (GridPoint point : points) {
                if (cancellation.isCancelled()) {
                    return;
                }
                runOne(point, sink, cancellation);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, points.size()), r -> {
            Thread t = new Thread(r, "bloomfit-point");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (GridPoint point : points) {
                futures.add(pool.submit(() -> {
                    if (!cancellation.isCancelled()) {
                        runOne(point, sink, cancellation);
                    }
                    return null;
                }));
            }
            awaitAll(futures, cancellation);
        } finally {
            pool.shutdown();
        }
    }

    private void runOne(GridPoint point, PointSink sink, Cancellation cancellation) throws IOException {
        ResultRow row;
        try {
            row = runner.run(point, cancellation.guard(sink.started(point)));
        } catch (TrainingCancelledException e) {
            sink.cancelled(point);
            return;
        }
        try {
            sink.finished(row);
        } catch (IOException | RuntimeException e) {
            cancellation.cancel(); // a store that cannot take rows ends the run; the points in flight stop
            throw e;
        }
    }

    /**
     * Waits for every point, even after a failure or an interrupt (both cancel the rest, so the wait is one step
     * per point in flight), then rethrows the first failure; an interrupt is kept on the thread.
     */
    private static void awaitAll(List<Future<?>> futures, Cancellation cancellation) throws IOException {
        Throwable first = null;
        boolean interrupted = false;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancellation.cancel();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                    cancellation.cancel();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }
}
