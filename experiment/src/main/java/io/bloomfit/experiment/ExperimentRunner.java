package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.CollisionCheck;
import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.host.Plugins;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.ResultStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.plugin.PluginOptions;
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
 * Runs the grid of an experiment: expands it, with the reference rankers of every repeat last ({@link
 * ExperimentPlan#withReferences}), skips what an earlier run finished, and
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
    private final Cancellation cancellation;

    /**
     * Points run in this JVM ({@link LocalPointScheduler}).
     *
     * @param parallelism points in flight at once, at least 1 (1 keeps timings clean)
     */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism) {
        this(spec, data, evaluation, store, listener, parallelism, Plugins.shared());
    }

    /**
     * As the other constructor, resolving compressors and the trainer in {@code plugins}.
     *
     * @throws InsufficientMemoryException when the largest point's {@link MemoryEstimate} does not fit in the heap
     */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism, Plugins plugins) {
        this(spec, local(spec, data, evaluation, listener, parallelism, plugins), store, listener, plugins);
    }

    /**
     * The points of {@code spec} run in this JVM, {@code parallelism} at once, each fitted model handed to
     * {@code listener}, after checking that the largest point fits in the heap.
     *
     * @throws InsufficientMemoryException when the largest point's {@link MemoryEstimate} does not fit in the heap
     */
    static PointScheduler local(ExperimentSpec spec, ExperimentData data, Evaluation evaluation,
                                ExperimentListener listener, int parallelism, Plugins plugins) {
        return new LocalPointScheduler(new PointRunner(spec, requireMemory(spec, data, parallelism), evaluation,
                plugins, listenerOrNone(listener)::modelFitted), parallelism);
    }

    /**
     * Points run by {@code scheduler}.
     *
     * @param plugins where the grid's compressors are resolved when it is expanded
     */
    public ExperimentRunner(ExperimentSpec spec, PointScheduler scheduler, ResultStore store,
                            ExperimentListener listener, Plugins plugins) {
        this(spec, scheduler, store, listener, plugins, new Cancellation());
    }

    /** As the scheduler constructor, stopped through {@code cancellation} (which its owner may cancel before the run). */
    ExperimentRunner(ExperimentSpec spec, PointScheduler scheduler, ResultStore store, ExperimentListener listener,
                     Plugins plugins, Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = listenerOrNone(listener);
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    /** Refuses a grid whose largest point cannot fit in the heap; returns {@code data} for the constructor. */
    static ExperimentData requireMemory(ExperimentSpec spec, ExperimentData data, int parallelism) {
        int users = data.train().numUsers();
        int items = data.train().numItems();
        MemoryEstimate.requireArray("a model table of " + users + " users x dimension " + spec.model().architecture().dimension(),
                (double) Math.max(users, items) * spec.model().architecture().dimension(), "a smaller model.dimension");
        MemoryEstimate one = MemoryEstimate.experiment(spec, users, items);
        new MemoryEstimate(one.parts(), one.bytes() * Math.max(1, parallelism)).requireFits("the largest grid point"
                + " (plain: " + users + " users, " + items + " items, dimension " + spec.model().architecture().dimension() + ")"
                + (parallelism > 1 ? " times --parallel " + parallelism : ""), "a smaller model.dimension"
                + (parallelism > 1 ? " or --parallel" : ""));
        return data;
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
        List<GridPoint> points = ExperimentPlan.withReferences(spec, plugins);
        Set<String> finished = new HashSet<>();
        Set<String> timedElsewhere = new HashSet<>();
        boolean writeSpec = true;
        if (store.hasResults()) {
            if (!resume) {
                throw new SpecException(store.location(), "", "already holds results; add --resume to continue "
                        + "that run, or choose another --out directory");
            }
            String stored = store.storedSpec();
            if (stored != null && !sameExceptGrid(stored, spec.source(), trainerOptionsAreDefaults())) {
                throw new SpecException("--resume", "", store.location() + " was written by a different spec "
                        + "(dataset, split, model or trainer differ), so its results are not comparable; "
                        + "use another --out directory");
            }
            if (store.recover()) {
                listener.note(store.location() + ": its last line was cut short when an earlier run was "
                        + "interrupted; it was removed and its point runs again");
            }
            Set<String> storedKeys = new HashSet<>();
            for (ResultRow row : store.read()) {
                storedKeys.add(row.point().key());
                if (row.ok()) {
                    finished.add(row.point().key());
                    if (ResultRow.Costs.THIS_PROCESS.equals(row.costs().timedIn())) {
                        timedElsewhere.remove(row.point().key());
                    } else {
                        timedElsewhere.add(row.point().key());
                    }
                }
            }
            writeSpec = keepsCoveringSpec(points, storedKeys, stored);
        }
        if (writeSpec) {
            store.writeSpec(spec);
        }
        List<GridPoint> todo = new ArrayList<>();
        for (GridPoint p : points) {
            if (!finished.contains(p.key())) {
                todo.add(p);
            }
        }
        retimeBaseline(points, todo, timedElsewhere);
        listener.started(todo, points.size() - todo.size());
        scheduler.run(todo, new Sink(todo.size()), cancellation);
        return store.hasResults() ? store.read() : List.of();
    }

    /**
     * When a resume runs compressed points but the plain baseline was timed in another process (an earlier run),
     * runs the baseline again first: speedups compare epoch times, and times of two JVMs (JIT state, machine load) are not
     * comparable. The new baseline rows are appended and win in the summary (the last ok row of a point counts);
     * compressed rows of the earlier process then show no speedup (not comparable) instead of a wrong one.
     */
    private void retimeBaseline(List<GridPoint> points, List<GridPoint> todo, Set<String> timedElsewhere) {
        if (todo.stream().allMatch(GridPoint::baseline)) {
            return;
        }
        List<GridPoint> again = points.stream().filter(p -> p.baseline() && !todo.contains(p)
                && timedElsewhere.contains(p.key())).toList();
        if (!again.isEmpty()) {
            todo.addAll(0, again);
            listener.note("the plain baseline is timed again in this process, so the speedups of the points run "
                    + "now compare timings of one process (points of the earlier run show speedup n/c)");
        }
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

    /**
     * Which spec describes the store after a resume: the store must keep a spec whose grid covers every stored
     * row. This run's spec does when its grid holds every stored point (the same or a grown grid): then it is
     * written ({@code true}). A narrower grid runs, but the stored spec stays ({@code false}, with a note) when its
     * grid holds this run's points too. A grid that neither covers the stored rows nor lies within the stored
     * grid is refused.
     *
     * @throws SpecException when neither spec covers both this run's points and the stored rows
     */
    private boolean keepsCoveringSpec(List<GridPoint> points, Set<String> storedKeys, String storedSpec) {
        Set<String> keys = new HashSet<>();
        points.forEach(p -> keys.add(p.key()));
        if (keys.containsAll(storedKeys)) {
            return true;
        }
        Set<String> storedGrid = new HashSet<>();
        if (storedSpec != null) {
            try {
                ExperimentSpec earlier = SpecReader.read(storedSpec, store.location(), true, spec.name(), null,
                        List.of(), plugins);
                ExperimentPlan.withReferences(earlier, plugins).forEach(p -> storedGrid.add(p.key()));
            } catch (SpecException e) {
                storedGrid.clear(); // e.g. a plugin of the earlier grid is gone: it cannot cover this run
            }
        }
        long outside = storedKeys.stream().filter(k -> !keys.contains(k)).count();
        if (storedGrid.containsAll(keys) && storedGrid.containsAll(storedKeys)) {
            listener.note("this grid leaves out " + outside + " of the " + storedKeys.size() + " points stored in "
                    + store.location() + ": they are kept, and so is the stored spec, whose grid covers them all");
            return false;
        }
        throw new SpecException("--resume", "grid", "this grid leaves out " + outside + " of the "
                + storedKeys.size() + " points stored in " + store.location() + " and adds points the stored "
                + "spec's grid does not hold, so neither spec would describe the directory; resume with a grid "
                + "that includes the stored one (e.g. the stored grid plus the new values), or use another --out "
                + "directory");
    }

    /** Whether this run's trainer options are the trainer's defaults. */
    private boolean trainerOptionsAreDefaults() {
        var declared = plugins.trainers().forName(spec.trainer().name()).capabilities().options();
        return spec.trainer().options().equals(PluginOptions.NONE.resolved(declared));
    }

    /**
     * Whether two canonical specs differ only in their grid, name and {@code keepModels} (a grown grid may resume;
     * keeping models or not changes no result). A spec stored before trainers had options
     * ({@code trainer.options} absent) ran with the trainer's defaults: it matches a current spec whose options
     * are the defaults.
     */
    private static boolean sameExceptGrid(String storedJson, String currentJson, boolean defaultTrainerOptions) {
        try {
            JsonNode a = JSON.readTree(storedJson);
            JsonNode b = JSON.readTree(currentJson);
            if (!(a instanceof ObjectNode stored) || !(b instanceof ObjectNode current)) {
                return false;
            }
            List<String> free = List.of("grid", "name", ExperimentSpec.KEEP_MODELS);
            stored.remove(free);
            current.remove(free);
            if (defaultTrainerOptions && !stored.path("trainer").has("options")
                    && current.get("trainer") instanceof ObjectNode trainer) {
                trainer.remove("options");
            }
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
            CollisionCheck.warnings(row).forEach(w -> listener.note("warning: " + w));
        }

        @Override
        public void cancelled(GridPoint point) {
            listener.pointCancelled(point, index(point), total);
        }
    }
}
