package io.bloomfit.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/** The Scala functions {@code SparkContext.submitJob} takes, written once here so the scheduler reads as Java. */
final class SparkTaskFunctions {

    private SparkTaskFunctions() {
    }

    /** A finished task's outcome, as the driver receives it. */
    record Delivered(int job, TaskOutcome outcome) {
    }

    /** Runs the one point of a partition on an executor (shipped to it, so serializable). */
    static final class RunPoint extends AbstractFunction1<Iterator<PointCoordinates>, TaskOutcome>
            implements Serializable {

        private static final long serialVersionUID = 1L;

        private final PointTask task;

        RunPoint(PointTask task) {
            this.task = task;
        }

        @Override
        public TaskOutcome apply(Iterator<PointCoordinates> points) {
            PointCoordinates point = points.next();
            TaskContext context = TaskContext.get();
            SparkEnv env = SparkEnv.get();
            return task.run(point, env.executorId(), env.blockManager().blockManagerId().host(),
                    name -> Path.of(SparkFiles.get(name)), context::isInterrupted);
        }
    }

    /**
     * Puts each finished task's outcome on the driver's queue. Called on Spark's scheduler thread exactly once per
     * successful partition (a retried task's result is delivered once), so it does nothing slow.
     */
    static final class Deliver extends AbstractFunction2<Object, TaskOutcome, BoxedUnit> {

        private final int job;
        private final BlockingQueue<Delivered> queue;

        Deliver(int job, BlockingQueue<Delivered> queue) {
            this.job = job;
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object partition, TaskOutcome outcome) {
            queue.add(new Delivered(job, outcome));
            return BoxedUnit.UNIT;
        }
    }

    /** A job's overall result: nothing, its rows went through {@link Deliver}. */
    static final class NoResult extends AbstractFunction0<BoxedUnit> {

        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
