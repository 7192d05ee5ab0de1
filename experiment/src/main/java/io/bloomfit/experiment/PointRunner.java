package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.LayoutStats;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.host.Plugins;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.layout.TrainingLayouts;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.eval.ReferenceMethod;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.tune.PointTuner;
import io.bloomfit.experiment.grid.TunedChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one grid point into one {@link ResultRow}: builds the layouts of the compressed side(s) (the other side
 * plain), fits through the spec's {@link Trainer}, evaluates, and measures sizes and times. A failure of the point
 * itself (a divergence, an exception in a plugin, running out of memory) becomes a {@code failed} row; nothing of
 * one point leaks into the next.
 *
 * <p>Fits of a trainer whose {@link Trainer#capabilities()} say {@code concurrentFits = false} run one at a time
 * in this JVM, across every {@code PointRunner} (keyed by the trainer's class); other trainers' fits may overlap
 * when a scheduler runs points at once. Layout building and evaluation always may.
 *
 * <p>Before the first point the runner fits untimed on a small slice of the training data until the step time
 * settles (see {@link TrainerWarmUp}): otherwise the first point (the plain baseline) would pay for loading the engine's
 * native library and compiling the hot code, which made plain look several times slower per epoch than it is
 * and every compressed point's speedup look larger than it is.
 *
 * <p>A point's compressor runs with the point's options ({@code grid.options}), the defaults filling in the rest;
 * the row records them resolved. With a {@code tune} section, a point's layouts are built once (once per tuned
 * option candidate) and {@link PointTuner} chooses its learning rate, l2, epochs and tuned options on a validation
 * part carved once per run from the training part; the chosen values are then fitted on the whole training part
 * and tested, and the row records them. Reference rows are never tuned.
 *
 * <p>Thread-safe: a scheduler may call {@link #run} from several threads at once.
 */
public final class PointRunner {

    /** One lock per trainer class whose fits must not overlap in a JVM. */
    private static final ConcurrentHashMap<Class<?>, ReentrantLock> SERIAL_FITS = new ConcurrentHashMap<>();

    /** The trainer name of a reference row: nothing was trained. */
    public static final String REFERENCE_TRAINER = "none";

    private final ExperimentSpec spec;
    private final ExperimentData data;
    private final Evaluation evaluation;
    private final Plugins plugins;
    private final FittedModelHandler fitted;
    private final Trainer trainer;
    private final ReentrantLock fitLock;
    private final Object warmUpOnce = new Object();
    private boolean warm;
    private Interactions[] tuningParts;

    /**
     * @param fitted what to do with each point's model before it is closed ({@link FittedModelHandler#NONE} to
     *               keep nothing)
     * @throws io.bloomfit.api.plugin.UnknownPluginException when the spec's trainer is not in {@code plugins}
     */
    public PointRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, Plugins plugins,
                       FittedModelHandler fitted) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.fitted = fitted == null ? FittedModelHandler.NONE : fitted;
        this.trainer = plugins.trainers().forName(spec.trainer().name());
        this.fitLock = trainer.capabilities().concurrentFits() ? null
                : SERIAL_FITS.computeIfAbsent(trainer.getClass(), c -> new ReentrantLock(true));
    }

    /**
     * Runs {@code point}; never throws for a failure of the point itself (it becomes a {@code failed} row).
     *
     * @param training the fit's progress goes here, and the fit stops when it answers
     *                 {@link TrainingListener#stopRequested()} true
     * @throws TrainingCancelledException when {@code training} asked the fit to stop: the point has no row
     */
    public ResultRow run(GridPoint point, TrainingListener training) {
        TrainingListener listener = training == null ? TrainingListener.NONE : training;
        if (point.reference()) {
            return runReference(point, listener);
        }
        warmUpOnce(listener);
        PeakHeap heap = PeakHeap.start();
        ModelSpec model = spec.model().withOptimization(o -> o.withSeed(point.seed()));
        // resolved when the spec was bound: every option the trainer declares, as the fits run with them
        PluginOptions trainerOptions = model.trainer().options();
        LayoutStats userStats = null;
        LayoutStats itemStats = null;
        double layoutSeconds = Double.NaN;
        Footprint size = new Footprint(0, 0, Double.NaN, null);
        FitReport report = null;
        TunedChoice tuned = null;
        PluginOptions options = PluginOptions.NONE;
        try {
            long t0 = System.nanoTime();
            SideLayouts layouts = layouts(point, PluginOptions.NONE, model.architecture().dimension());
            userStats = LayoutStats.of(layouts.users());
            itemStats = LayoutStats.of(layouts.items());
            layoutSeconds = (System.nanoTime() - t0) / 1e9;
            options = layouts.compressorOptions(point);
            size = footprint(point, model, layouts);
            RankingMetrics metrics;
            double evalSeconds;
            if (spec.tune() != null) {
                tuned = tune(point, model, layouts, listener);
                TunedChoice chosen = tuned;
                model = model.withOptimization(o -> o.withLearningRate(chosen.learningRate()).withL2(chosen.l2())
                        .withEpochs(chosen.epochs()));
                if (!tuned.options().isEmpty()) { // the chosen options' layouts, which the row describes
                    long t1 = System.nanoTime();
                    layouts = layouts(point, tuned.options(), model.architecture().dimension());
                    userStats = LayoutStats.of(layouts.users());
                    itemStats = LayoutStats.of(layouts.items());
                    layoutSeconds = (System.nanoTime() - t1) / 1e9;
                    options = layouts.compressorOptions(point);
                    size = footprint(point, model, layouts);
                }
            }
            try (TrainedModel m = fit(new FitRequest(model, data.train(), layouts.users(), layouts.items()),
                    listener)) {
                report = m.report();
                if (report.parameters() > 0) {
                    size = size.counted(report.parameters());
                }
                long e0 = System.nanoTime();
                metrics = evaluation.evaluate(m, data.train(), data.test());
                evalSeconds = (System.nanoTime() - e0) / 1e9;
                try {
                    fitted.fitted(point, m);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the model: " + e.getMessage(), e);
                }
            }
            return new ResultRow(point, ResultStatus.OK, null, metrics,
                    ResultRow.Fit.of(trainer.name(), trainerOptions, report, tuned),
                    new ResultRow.Sizes(size.parameters(), size.bytes(), size.achievedRatio(), userStats, itemStats,
                            size.layers()),
                    new ResultRow.Costs(layoutSeconds, evalSeconds, heap.peakBytes(), now(),
                            ResultRow.Costs.THIS_PROCESS), options);
        } catch (TrainingCancelledException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            String error = e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                    ? e.getMessage() : e.getClass().getName() + ": " + e.getMessage();
            ResultRow.Fit fit = report == null
                    ? new ResultRow.Fit(trainer.name(), trainerOptions, null, spec.trainer().threads(), null, null,
                            Double.NaN, null)
                    : ResultRow.Fit.of(trainer.name(), trainerOptions, report, null);
            return new ResultRow(point, ResultStatus.FAILED, error, null, fit,
                    new ResultRow.Sizes(size.parameters(), size.bytes(), size.achievedRatio(), userStats, itemStats),
                    new ResultRow.Costs(layoutSeconds, Double.NaN, heap.peakBytes(), now(),
                            ResultRow.Costs.THIS_PROCESS), options);
        }
    }

    /** The layouts of a point, one per side. */
    private record SideLayouts(EmbeddingLayout users, EmbeddingLayout items) {

        /**
         * The options {@code point}'s compressor built these layouts with, resolved (every declared option, as the
         * layout's request records it): none for the baseline, which compresses no side.
         */
        PluginOptions compressorOptions(GridPoint point) {
            if (point.sides() == Sides.NONE) {
                return PluginOptions.NONE;
            }
            return (point.sides().compressesItems() ? items : users).request().options();
        }
    }

    /**
     * What a point's model holds, from its layouts: parameters, their bytes (float32 plus index maps), rows per
     * entity over the compressed sides, and a Bloom network's layers ({@code null} for factorization models).
     */
    private record Footprint(long parameters, long bytes, double achievedRatio, ResultRow.LayerSizes layers) {

        /** This footprint with the trainer's parameter count, which includes what layouts do not know, e.g. biases. */
        Footprint counted(long trainerParameters) {
            return new Footprint(trainerParameters, bytes + (trainerParameters - parameters) * Float.BYTES,
                    achievedRatio, layers);
        }
    }

    /** The layouts of {@code point} with {@code tunedOptions} added to the point's own options. */
    private SideLayouts layouts(GridPoint point, PluginOptions tunedOptions, int dimension) {
        PluginOptions options = point.options().plus(tunedOptions);
        return new SideLayouts(
                layout(point, options, point.sides().compressesUsers(), data.train().numUsers(), dimension, false),
                layout(point, options, point.sides().compressesItems(), data.train().numItems(), dimension, true));
    }

    private static Footprint footprint(GridPoint point, ModelSpec model, SideLayouts layouts) {
        EmbeddingLayout users = layouts.users();
        EmbeddingLayout items = layouts.items();
        double achievedRatio = achievedRatio(point, users, items);
        if (model.architecture().kind() == ModelKind.BLOOM_NETWORK) {
            // the network reads the item layout only: its m positions are the input and output units
            int m = items.totalRows();
            long parameters = model.architecture().network().parameters(m);
            return new Footprint(parameters, parameters * Float.BYTES + items.indexBytes(), achievedRatio,
                    new ResultRow.LayerSizes(model.architecture().network().inputLayerParameters(m),
                            model.architecture().network().outputLayerParameters(m)));
        }
        return new Footprint(users.parameterCount(model.architecture().dimension()) + items.parameterCount(model.architecture().dimension()),
                users.parameterBytes(model.architecture().dimension()) + items.parameterBytes(model.architecture().dimension())
                        + users.indexBytes() + items.indexBytes(), achievedRatio, null);
    }

    /**
     * Tunes {@code point} on the validation part: {@code layouts} serve the combinations without tuned options;
     * each tuned option candidate's layouts are built once, for all its learning rate x l2 combinations.
     */
    private TunedChoice tune(GridPoint point, ModelSpec model, SideLayouts layouts, TrainingListener listener) {
        Interactions[] parts = tuningParts();
        Map<PluginOptions, SideLayouts> built = new HashMap<>();
        built.put(PluginOptions.NONE, layouts);
        return new PointTuner(spec.tune(), evaluation).tune(model, point.compressor(), parts[0], parts[1],
                (candidate, options, train, l) -> {
                    if (!built.containsKey(options)) {
                        built.keySet().retainAll(Set.of(PluginOptions.NONE)); // the candidates come one after another
                        built.put(options, layouts(point, options, model.architecture().dimension()));
                    }
                    SideLayouts candidateLayouts = built.get(options);
                    return fit(new FitRequest(candidate, train, candidateLayouts.users(), candidateLayouts.items()), l);
                }, listener);
    }

    /**
     * What {@code point} would need, without fitting anything: its layouts are built as {@link #run} builds them,
     * and their parameters and bytes are what its row would record before the trainer adds what layouts do not
     * know about (e.g. biases), with the heap estimate of its layouts, model and evaluation. A reference ranker
     * builds no layout and trains nothing: it needs its evaluation's buffers only. A point whose layouts cannot be
     * built (a run records it as {@code failed}) is planned with the reason.
     */
    public PlannedPoint plan(GridPoint point) {
        int numUsers = data.train().numUsers();
        int numItems = data.train().numItems();
        if (point.reference()) {
            return new PlannedPoint(point, 0, 0, MemoryEstimate.reference(numItems), null);
        }
        ModelSpec model = spec.model().withOptimization(o -> o.withSeed(point.seed()));
        try {
            SideLayouts layouts = layouts(point, PluginOptions.NONE, model.architecture().dimension());
            Footprint size = footprint(point, model, layouts);
            EmbeddingLayout users = layouts.users();
            EmbeddingLayout items = layouts.items();
            return new PlannedPoint(point, size.parameters(), size.bytes(), MemoryEstimate.point(
                    users.indexBytes() + items.indexBytes(), (long) users.totalRows() + items.totalRows(),
                    size.parameters(), numUsers, numItems), null);
        } catch (RuntimeException | OutOfMemoryError e) {
            String error = e instanceof IllegalArgumentException ? e.getMessage()
                    : e.getClass().getName() + ": " + e.getMessage();
            return new PlannedPoint(point, 0, 0, null, error);
        }
    }

    /**
     * The fit and validation parts tuning uses, carved from the training part with the split's kind once for the
     * whole run (every point and combination shares them).
     */
    private Interactions[] tuningParts() {
        synchronized (warmUpOnce) {
            if (tuningParts == null) {
                tuningParts = spec.split().carveValidation(data.train(), spec.tune().validation());
            }
            return tuningParts;
        }
    }

    /** Scores a reference ranker: no layouts, no fit, no model to save; the row's trainer is {@code none}. */
    private ResultRow runReference(GridPoint point, TrainingListener listener) {
        if (listener.stopRequested()) {
            throw new TrainingCancelledException(0, 0);
        }
        PeakHeap heap = PeakHeap.start();
        ReferenceMethod method = ReferenceMethod.fromName(point.compressor());
        ResultRow.Fit fit = new ResultRow.Fit(REFERENCE_TRAINER, "cpu()", 1, null, null, 0.0);
        ResultRow.Sizes sizes = new ResultRow.Sizes(0, 0, 1.0, null, null);
        try (TrainedModel m = method.model(data.train(), point.seed())) {
            long e0 = System.nanoTime();
            RankingMetrics metrics = evaluation.evaluate(m, data.train(), data.test());
            double evalSeconds = (System.nanoTime() - e0) / 1e9;
            return new ResultRow(point, ResultStatus.OK, null, metrics, fit, sizes,
                    new ResultRow.Costs(0.0, evalSeconds, heap.peakBytes(), now()));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new ResultRow(point, ResultStatus.FAILED, e.getClass().getName() + ": " + e.getMessage(), null,
                    fit, sizes, new ResultRow.Costs(0.0, Double.NaN, heap.peakBytes(), now()));
        }
    }

    /** Fits, one at a time in this JVM when the trainer cannot fit concurrently; a stop asked for before starts none. */
    private TrainedModel fit(FitRequest request, TrainingListener listener) {
        if (listener.stopRequested()) {
            throw new TrainingCancelledException(0, 0);
        }
        if (fitLock == null) {
            return trainer.fit(request, listener);
        }
        fitLock.lock();
        try {
            return trainer.fit(request, listener);
        } finally {
            fitLock.unlock();
        }
    }

    private void warmUpOnce(TrainingListener listener) {
        synchronized (warmUpOnce) {
            if (!warm && !listener.stopRequested()) {
                warmUp(trainer);
                warm = true;
            }
        }
    }

    /** Fits untimed until step times settle, so that no timed point pays for engine start-up ({@link TrainerWarmUp}). */
    void warmUp(Trainer warming) {
        if (fitLock != null) {
            fitLock.lock();
        }
        try {
            TrainerWarmUp.run(warming, spec.model(), data.train(),
                    plugins.compressors().forName(GridPoint.BASELINE));
        } finally {
            if (fitLock != null) {
                fitLock.unlock();
            }
        }
    }

    /**
     * The layout of one side, the compressor built with {@code options} (the point's and tuned ones). A compressor
     * that builds its layout from training data gets the training part of the split only, never the test part: the
     * interactions themselves for items, transposed (users as items) for users; compressors that use training counts
     * get the side's counts in the training part.
     */
    private EmbeddingLayout layout(GridPoint point, PluginOptions options, boolean compressed, int entities,
                                   int dimension, boolean itemSide) {
        if (!compressed) {
            return plugins.compressors().forName(GridPoint.BASELINE).layout(LayoutRequest.plain(entities,
                    dimension), null);
        }
        LayoutRequest request = new LayoutRequest(entities, dimension, point.ratio(), point.hashes(), point.hash(),
                point.seed(), null, options);
        return itemSide ? TrainingLayouts.items(plugins, point.compressor(), request, data.train())
                : TrainingLayouts.users(plugins, point.compressor(), request, data.train());
    }

    private static double achievedRatio(GridPoint point, EmbeddingLayout users, EmbeddingLayout items) {
        // rows per entity, each side weighted by its entities (layouts whose parameters are not whole rows, e.g. dhe,
        // report their parameters as rows: EmbeddingLayout.achievedRatio)
        double rows = 0;
        long entities = 0;
        if (point.sides().compressesUsers()) {
            rows += rows(users);
            entities += users.numEntities();
        }
        if (point.sides().compressesItems()) {
            rows += rows(items);
            entities += items.numEntities();
        }
        return entities == 0 ? 1.0 : rows / entities;
    }

    /** Table rows, or for layouts whose parameters are not rows of the dimension their parameters in rows. */
    private static double rows(EmbeddingLayout layout) {
        return switch (layout.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS -> layout.totalRows();
            case TRAINABLE_WEIGHTS, BLOCKS, ENCODER -> layout.achievedRatio() * layout.numEntities();
        };
    }

    private static String now() {
        return Instant.now().toString();
    }

    /** Peak Java heap over the pools while one point runs (approximate when points overlap). */
    private static final class PeakHeap {

        private final List<MemoryPoolMXBean> pools;

        private PeakHeap(List<MemoryPoolMXBean> pools) {
            this.pools = pools;
        }

        static PeakHeap start() {
            List<MemoryPoolMXBean> heap = new ArrayList<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                    pool.resetPeakUsage();
                    heap.add(pool);
                }
            }
            return new PeakHeap(heap);
        }

        long peakBytes() {
            long total = 0;
            for (MemoryPoolMXBean pool : pools) {
                if (pool.isValid() && pool.getPeakUsage() != null) {
                    total += pool.getPeakUsage().getUsed();
                }
            }
            return total;
        }
    }
}
