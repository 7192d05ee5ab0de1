package io.bloomfit.experiment;

import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.store.ResultStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the grid of an experiment: expands it ({@link ExperimentPlan}), skips what an earlier run finished, and
 * hands the rest to a {@link PointScheduler}, which runs each point through a {@link PointRunner} and gives its row
 * to the {@link ResultStore} as soon as the point finishes. Points are isolated: a divergence or an exception in a
 * plugin is recorded as a {@code failed} row and the rest go on.
 *
 * <p>A run can be cancelled ({@link #cancel()}, from any thread): the fits in progress stop at their next step
 * and are not recorded, every finished point stays in the store, no further point starts, and {@link #run} returns
 * the rows stored so far; {@code run(true)} later continues where it stopped.
 */
public final class ExperimentRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentSpec spec;
    private final Plugins plugins;
    private final PointScheduler scheduler;
    private final ResultStore store;
    private final ExperimentListener listener;
    private final Cancellation cancellation = new Cancellation();

    /**
     * Points run in this JVM ({@link LocalPointScheduler}).
     *
     * @param parallelism points in flight at once, at least 1 (1 keeps timings clean)
     */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism) {
        this(spec, data, evaluation, store, listener, parallelism, Plugins.shared());
    }

    /** As the other constructor, resolving compressors and the trainer in {@code plugins}. */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism, Plugins plugins) {
        this(spec, new LocalPointScheduler(new PointRunner(spec, data, evaluation, plugins,
                listenerOrNone(listener)::modelFitted), parallelism), store, listener, plugins);
    }

    /**
     * Points run by {@code scheduler}.
     *
     * @param plugins where the grid's compressors are resolved when it is expanded
     */
    public ExperimentRunner(ExperimentSpec spec, PointScheduler scheduler, ResultStore store,
                            ExperimentListener listener, Plugins plugins) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = listenerOrNone(listener);
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    private static ExperimentListener listenerOrNone(ExperimentListener listener) {
        return listener == null ? ExperimentListener.NONE : listener;
    }

    /**
     * Runs every point of the grid that has not finished yet.
     *
     * @param resume skip points with an {@code ok} row in the store (failed points run again); without it the
     *               store must not hold results yet
     * @return every row in the store afterwards (earlier runs' rows included); after {@link #cancel()}, the rows
     *         of the points that finished
     * @throws SpecException when the store holds results of another spec, or holds results and resume is off
     * @throws IOException   when the results cannot be read or written
     */
    public List<ResultRow> run(boolean resume) throws IOException {
        List<GridPoint> points = ExperimentPlan.expand(spec, plugins);
        Set<String> finished = new HashSet<>();
        if (store.hasResults()) {
            if (!resume) {
                throw new SpecException(store.location(), "", "already holds results; add --resume to continue "
                        + "that run, or choose another --out directory");
            }
            String stored = store.storedSpec();
            if (stored != null && !sameExceptGrid(stored, spec.source())) {
                throw new SpecException("--resume", "", store.location() + " was written by a different spec "
                        + "(dataset, split, model or trainer differ), so its results are not comparable; "
                        + "use another --out directory");
            }
            if (store.recover()) {
                listener.note(store.location() + ": its last line was cut short when an earlier run was "
                        + "interrupted; it was removed and its point runs again");
            }
            for (ResultRow row : store.read()) {
                if (row.ok()) {
                    finished.add(row.point().key());
                }
            }
        }
        store.writeSpec(spec);
        List<GridPoint> todo = new ArrayList<>();
        for (GridPoint p : points) {
            if (!finished.contains(p.key())) {
                todo.add(p);
            }
        }
        listener.started(todo, points.size() - todo.size());
        scheduler.run(todo, new Sink(todo.size()), cancellation);
        return store.hasResults() ? store.read() : List.of();
    }

    /**
     * Asks the run to stop (from any thread, before or during {@link #run}): see the class comment. Returns at
     * once; {@link #run} returns when the points in progress have stopped.
     */
    public void cancel() {
        cancellation.cancel();
    }

    /** Whether {@link #cancel()} was called: the run may have left points for a resume. */
    public boolean cancelled() {
        return cancellation.isCancelled();
    }

    /** Whether two canonical specs differ only in their grid and name (a grown grid may resume). */
    private static boolean sameExceptGrid(String storedJson, String currentJson) {
        try {
            JsonNode a = JSON.readTree(storedJson);
            JsonNode b = JSON.readTree(currentJson);
            if (!(a instanceof ObjectNode stored) || !(b instanceof ObjectNode current)) {
                return false;
            }
            stored.remove(List.of("grid", "name"));
            current.remove(List.of("grid", "name"));
            return stored.equals(current);
        } catch (IOException e) {
            return false;
        }
    }

    /** Numbers points as they start, stores rows and tells the listener. */
    private final class Sink implements PointSink {

        private final int total;
        private final AtomicInteger counter = new AtomicInteger();
        private final Map<String, Integer> indexOf = new ConcurrentHashMap<>();

        Sink(int total) {
            this.total = total;
        }

        private int index(GridPoint point) {
            Integer index = indexOf.remove(point.key());
            return index != null ? index : counter.incrementAndGet();
        }

        @Override
        public TrainingListener started(GridPoint point) {
            int index = counter.incrementAndGet();
            indexOf.put(point.key(), index);
            TrainingListener training = listener.pointStarted(point, index, total);
            return training == null ? TrainingListener.NONE : training;
        }

        @Override
        public void finished(ResultRow row) throws IOException {
            store.append(row);
            listener.pointFinished(row, index(row.point()), total);
        }

        @Override
        public void cancelled(GridPoint point) {
            listener.pointCancelled(point, index(point), total);
        }
    }
}
