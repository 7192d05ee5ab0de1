package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.keep.KeptModels;
import io.bloomfit.experiment.keep.ModelKeepingListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.host.Plugins;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run of a validated spec, composed the same way wherever it runs (the CLI's {@code run}, the server's worker,
 * the Spark driver): the data is loaded and split as the spec says ({@link DatasetPreparer#prepare(ExperimentSpec)},
 * a {@code files} split included) once, the dataset record goes to the store, fitted models are kept when asked
 * ({@link RunOptions#keptModels()}), and the grid is run by an {@link ExperimentRunner} with resume and
 * cancellation. Callers keep only their own concerns: output, exit codes, queues, statuses, clusters.
 *
 * <p>{@link #cancel()} may be called from any thread at any time, before the data is loaded too: a run
 * cancelled before it starts runs no point.
 */
public final class ExperimentRun {

    private final ExperimentSpec spec;
    private final Plugins plugins;
    private final RunOptions options;
    private final Cancellation cancellation = new Cancellation();
    private DatasetPreparer.Prepared prepared;

    /**
     * @param plugins where the grid's compressors, hash functions and the trainer are resolved
     */
    public ExperimentRun(ExperimentSpec spec, Plugins plugins, RunOptions options) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.options = Objects.requireNonNull(options, "options");
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /**
     * The data every point trains and is tested on, loaded and split on the first call.
     *
     * @throws io.bloomfit.data.DatasetLoadException when the data cannot be read or split, naming file and line
     */
    public ExperimentData data() {
        return prepared().data();
    }

    private synchronized DatasetPreparer.Prepared prepared() {
        if (prepared == null) {
            prepared = DatasetPreparer.prepare(spec);
        }
        return prepared;
    }

    /**
     * Runs every point not yet finished in this JVM ({@link LocalPointScheduler}, {@link RunOptions#parallel()}
     * points at once), after checking that the largest point fits in the heap.
     *
     * @param listener progress (may be {@code null}); with {@link RunOptions#keptModels()}, each fitted model is
     *                 saved before it reaches it
     * @throws InsufficientMemoryException when the largest point's {@link MemoryEstimate} does not fit the heap
     * @throws io.bloomfit.experiment.spec.SpecException as {@link ExperimentRunner#run} (resume conflicts)
     * @throws IOException when the store cannot be read or written
     */
    public RunOutcome run(ResultStore store, ExperimentListener listener) throws IOException {
        DatasetPreparer.Prepared data = prepared();
        ExperimentListener wired = keepingModels(listener, data);
        return run(store, wired, ExperimentRunner.local(spec, data.data(), Evaluation.standard(options.parallel()),
                wired, options.parallel(), plugins), data);
    }

    /**
     * Runs every point not yet finished through {@code scheduler} (e.g. tasks on a cluster, which load the data
     * themselves). Models are kept only where the scheduler's points reach {@code listener}'s
     * {@link ExperimentListener#modelFitted}.
     */
    public RunOutcome run(ResultStore store, ExperimentListener listener, PointScheduler scheduler)
            throws IOException {
        DatasetPreparer.Prepared data = prepared();
        return run(store, keepingModels(listener, data), scheduler, data);
    }

    private RunOutcome run(ResultStore store, ExperimentListener listener, PointScheduler scheduler,
                           DatasetPreparer.Prepared data) throws IOException {
        store.writeDataset(data.dataset());
        ExperimentRunner runner = new ExperimentRunner(spec, scheduler, store, listener, plugins, cancellation);
        List<ResultRow> rows = runner.run(options.resume());
        return new RunOutcome(rows, cancellation.isCancelled(), data.data().description());
    }

    /**
     * What the run would do, without fitting or storing anything: every point in run order with its sizes and heap
     * estimate ({@link PointRunner#plan}), on the spec's data (loaded and split for the entity counts and for
     * compressors that build their layouts from the training part).
     *
     * @throws io.bloomfit.data.DatasetLoadException when the data cannot be read or split
     */
    public PlannedRun plan() {
        ExperimentData data = data();
        PointRunner sizer = new PointRunner(spec, data, Evaluation.standard(), plugins, FittedModelHandler.NONE);
        List<PlannedPoint> points = new ArrayList<>();
        for (GridPoint point : ExperimentPlan.withReferences(spec, plugins)) {
            points.add(sizer.plan(point));
        }
        return new PlannedRun(spec.name(), data.description(), points, options.parallel());
    }

    /**
     * Asks the run to stop (see {@link ExperimentRunner#cancel()}); returns at once. Before {@link #run}, the run
     * then starts no point.
     */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean cancelled() {
        return cancellation.isCancelled();
    }

    private ExperimentListener keepingModels(ExperimentListener listener, DatasetPreparer.Prepared data)
            throws IOException {
        ExperimentListener delegate = listener == null ? ExperimentListener.NONE : listener;
        if (options.keptModels() == null) {
            return delegate;
        }
        KeptModels models = KeptModels.create(options.keptModels(), data.dataset().userIds(),
                data.dataset().itemIds(), data.data().train().userItems());
        return new ModelKeepingListener(delegate, models);
    }
}
