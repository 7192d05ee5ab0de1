package io.bloomfit.spark;

import io.bloomfit.experiment.Cancellation;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.PointScheduler;
import io.bloomfit.experiment.PointSink;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.grid.ResultRowJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs each grid point as one Spark task: one single-partition job per point, all submitted at once so Spark's
 * FIFO scheduler hands them to free executor cores in grid order, each job (and its stage) named by the point's
 * label so the Spark UI lists the tasks by grid point. The task runs the point through the shared
 * {@link io.bloomfit.experiment.PointRunner} on its executor ({@link PointTask}); its row comes back to this
 * thread, which stores it as soon as it arrives, so a lost driver loses only the points in flight.
 *
 * <p>Spark retries a task whose executor was lost, and delivers one result per job however often the task ran,
 * so each point is stored exactly once. A point's own failure is a {@code failed} row made on the executor; a job
 * Spark gives up on (the task failed {@code spark.task.maxFailures} times) is stored as a {@code failed} row
 * with Spark's reason, so the rest of the sweep goes on and {@code --resume} tries it again. After cancellation
 * the jobs still running are cancelled (their tasks are killed, the fits stop at their next step) and give no row.
 */
public final class SparkPointScheduler implements PointScheduler {

    private static final long POLL_MILLIS = 100;

    private final SparkCluster cluster;
    private final SweepJobs jobs;
    private final TaskObserver observer;

    SparkPointScheduler(SparkCluster cluster, ExperimentSpec spec, TaskObserver observer) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.jobs = new SweepJobs(Objects.requireNonNull(spec, "spec"));
        this.observer = observer == null ? TaskObserver.NONE : observer;
    }

    /** One submitted point. */
    private static final class Submitted {
        final GridPoint point;
        final SimpleFutureAction<BoxedUnit> future;
        /** Its row was stored, or it will have none. */
        boolean settled;

        Submitted(GridPoint point, SimpleFutureAction<BoxedUnit> future) {
            this.point = point;
            this.future = future;
        }
    }

    @Override
    public void run(List<GridPoint> points, PointSink sink, Cancellation cancellation) throws IOException {
        if (points.isEmpty() || cancellation.isCancelled()) {
            return;
        }
        SparkContext sc = cluster.context();
        SweepJob job = jobs.job(cluster.pluginsShipped());
        BlockingQueue<SparkTaskFunctions.Delivered> queue = new LinkedBlockingQueue<>();
        List<Submitted> submitted = submit(sc, job, points, queue);
        Exception storeFailure = null;
        boolean interrupted = false;
        boolean cancelling = false;
        while (submitted.stream().anyMatch(s -> !s.settled)) {
            SparkTaskFunctions.Delivered delivered;
            try {
                delivered = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                cancellation.cancel();
                delivered = null;
            }
            if (delivered != null) {
                Submitted s = submitted.get(delivered.job());
                if (s.settled) {
                    continue; // cannot happen: Spark delivers one result per job
                }
                s.settled = true;
                if (storeFailure == null) {
                    try {
                        store(s.point, delivered.outcome(), sink);
                    } catch (IOException | RuntimeException e) {
                        cancellation.cancel(); // a store that cannot take rows ends the sweep
                        storeFailure = e;
                    }
                }
                continue;
            }
            if (cancellation.isCancelled() && !cancelling) {
                cancelling = true;
                for (Submitted s : submitted) {
                    if (!s.future.isCompleted()) {
                        s.future.cancel();
                    }
                }
            }
            try {
                settleFailedJobs(submitted, job, sink, cancelling || storeFailure != null);
            } catch (IOException | RuntimeException e) {
                cancellation.cancel();
                storeFailure = e;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (storeFailure instanceof IOException io) {
            throw io;
        }
        if (storeFailure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    private List<Submitted> submit(SparkContext sc, SweepJob job, List<GridPoint> points,
                                   BlockingQueue<SparkTaskFunctions.Delivered> queue) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        SparkTaskFunctions.RunPoint task = new SparkTaskFunctions.RunPoint(new PointTask(job));
        @SuppressWarnings("unchecked")
        scala.collection.immutable.Seq<Object> onlyPartition = (scala.collection.immutable.Seq<Object>)
                (scala.collection.immutable.Seq<?>) CollectionConverters.asScala(List.<Object>of(0)).toList();
        List<Submitted> submitted = new ArrayList<>();
        try {
            for (GridPoint point : points) {
                String name = job.name() + ": " + point.label();
                sc.setJobDescription(name);
                sc.setCallSite(name);
                RDD<PointCoordinates> rdd = jsc.parallelize(List.of(PointCoordinates.of(point)), 1).rdd();
                rdd.setName(point.label());
                SimpleFutureAction<BoxedUnit> future = sc.submitJob(rdd, task, onlyPartition,
                        new SparkTaskFunctions.Deliver(submitted.size(), queue), new SparkTaskFunctions.NoResult());
                submitted.add(new Submitted(point, future));
            }
        } finally {
            sc.clearCallSite();
            sc.setJobDescription(null);
        }
        return submitted;
    }

    private void store(GridPoint point, TaskOutcome outcome, PointSink sink) throws IOException {
        ResultRow row;
        try {
            row = ResultRowJson.read(outcome.rowJson());
        } catch (ResultRowJson.MalformedRowException e) {
            throw new IllegalStateException("an executor sent a row this driver cannot read (mixed bloomfit "
                    + "versions?): " + e.getMessage(), e);
        }
        observer.taskFinished(point, outcome);
        sink.finished(row);
    }

    /**
     * Jobs that failed, so never deliver a row: Spark gave up on the task (stored as {@code failed}, unless the
     * sweep is stopping) or the job was cancelled. A job that succeeded has put
     * its row on the queue before it completed, so it is left to the queue.
     */
    private void settleFailedJobs(List<Submitted> submitted, SweepJob job, PointSink sink, boolean stopping)
            throws IOException {
        for (Submitted s : submitted) {
            if (s.settled || !s.future.isCompleted()) {
                continue;
            }
            Try<BoxedUnit> result = s.future.value().get();
            if (result.isSuccess()) {
                continue;
            }
            s.settled = true;
            if (!stopping && !cluster.context().isStopped()) {
                String reason = firstLine(result.failed().get().getMessage());
                sink.finished(FailedRows.of(s.point, job, "Spark gave up on the task: " + reason));
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
