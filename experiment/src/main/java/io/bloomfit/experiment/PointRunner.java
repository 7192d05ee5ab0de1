package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.LayoutStats;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.host.Plugins;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
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
import java.util.List;
import java.util.Objects;
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
 * <p>With a {@code tune} section, a point's layouts are built once and {@link PointTuner} chooses its learning rate,
 * l2 and epochs on a validation part carved once per run from the training part; the chosen values are then fitted
 * on the whole training part and tested, and the row records them. Reference rows are never tuned.
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
        int numUsers = data.train().numUsers();
        int numItems = data.train().numItems();
        ModelSpec model = spec.model().withOptimization(o -> o.withSeed(point.seed()));
        int dimension = model.architecture().dimension();
        // resolved when the spec was bound: every option the trainer declares, as the fits run with them
        PluginOptions trainerOptions = model.trainer().options();
        LayoutStats userStats = null;
        LayoutStats itemStats = null;
        double layoutSeconds = Double.NaN;
        long parameters = 0;
        long bytes = 0;
        double achievedRatio = Double.NaN;
        FitReport report = null;
        TunedChoice tuned = null;
        try {
            long t0 = System.nanoTime();
            EmbeddingLayout users = layout(point, point.sides().compressesUsers(), numUsers, dimension, false);
            EmbeddingLayout items = layout(point, point.sides().compressesItems(), numItems, dimension, true);
            userStats = LayoutStats.of(users);
            itemStats = LayoutStats.of(items);
            layoutSeconds = (System.nanoTime() - t0) / 1e9;
            ResultRow.LayerSizes layers = null;
            if (model.architecture().kind() == ModelKind.BLOOM_NETWORK) {
                // the network reads the item layout only: its m positions are the input and output units
                int m = items.totalRows();
                NetworkSpec network = model.architecture().network();
                layers = new ResultRow.LayerSizes(network.inputLayerParameters(m), network.outputLayerParameters(m));
                parameters = network.parameters(m);
                bytes = parameters * Float.BYTES + items.indexBytes();
            } else {
                parameters = users.parameterCount(dimension) + items.parameterCount(dimension);
                bytes = users.parameterBytes(dimension) + items.parameterBytes(dimension)
                        + users.indexBytes() + items.indexBytes();
            }
            achievedRatio = achievedRatio(point, users, items);
            RankingMetrics metrics;
            double evalSeconds;
            if (spec.tune() != null) {
                Interactions[] parts = tuningParts();
                tuned = new PointTuner(spec.tune(), evaluation).tune(model, parts[0], parts[1],
                        (candidate, train, l) -> fit(new FitRequest(candidate, train, users, items), l), listener);
                TunedChoice chosen = tuned;
                model = model.withOptimization(o -> o.withLearningRate(chosen.learningRate()).withL2(chosen.l2())
                        .withEpochs(chosen.epochs()));
            }
            try (TrainedModel m = fit(new FitRequest(model, data.train(), users, items), listener)) {
                report = m.report();
                if (report.parameters() > 0) {
                    // The trainer's count includes what layouts do not know about, e.g. biases.
                    bytes += (report.parameters() - parameters) * Float.BYTES;
                    parameters = report.parameters();
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
                    new ResultRow.Fit(trainer.name(), trainerOptions, report.device(), report.threads(),
                            report.secondsPerEpoch(), report.lossPerEpoch(), report.fitSeconds(), tuned),
                    new ResultRow.Sizes(parameters, bytes, achievedRatio, userStats, itemStats, layers),
                    new ResultRow.Costs(layoutSeconds, evalSeconds, heap.peakBytes(), now(),
                            ResultRow.Costs.THIS_PROCESS));
        } catch (TrainingCancelledException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            String error = e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                    ? e.getMessage() : e.getClass().getName() + ": " + e.getMessage();
            ResultRow.Fit fit = report == null
                    ? new ResultRow.Fit(trainer.name(), trainerOptions, null, spec.trainer().threads(), null, null,
                            Double.NaN, null)
                    : new ResultRow.Fit(trainer.name(), trainerOptions, report.device(), report.threads(),
                            report.secondsPerEpoch(), report.lossPerEpoch(), report.fitSeconds(), null);
            return new ResultRow(point, ResultStatus.FAILED, error, null, fit,
                    new ResultRow.Sizes(parameters, bytes, achievedRatio, userStats, itemStats),
                    new ResultRow.Costs(layoutSeconds, Double.NaN, heap.peakBytes(), now(),
                            ResultRow.Costs.THIS_PROCESS));
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
     * The layout of one side. A compressor that builds its layout from training data gets the training part of the
     * split only, never the test part: the interactions themselves for items, transposed (users as items) for users;
     * compressors that use training counts get the side's counts in the training part.
     */
    private EmbeddingLayout layout(GridPoint point, boolean compressed, int entities, int dimension,
                                   boolean itemSide) {
        if (!compressed) {
            return plugins.compressors().forName(GridPoint.BASELINE).layout(LayoutRequest.plain(entities,
                    dimension), null);
        }
        EmbeddingCompressor compressor = plugins.compressors().forName(point.compressor());
        LayoutRequest request = new LayoutRequest(entities, dimension, point.ratio(), point.hashes(), point.hash(),
                point.seed());
        if (compressor.usesTrainingCounts()) {
            request = request.withTrainingCounts(itemSide ? data.train().itemCounts() : data.train().userCounts());
        }
        if (!compressor.usesTrainingData()) {
            return Layouts.build(compressor, request, plugins.hashes());
        }
        Interactions train = data.train();
        Interactions training = itemSide ? train : new Interactions(train.numItems(), train.numUsers(),
                train.itemArray(), train.userArray(), null, null);
        return Layouts.build(compressor, request, plugins.hashes(), training);
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
        boolean rowsAreParameters = !layout.hasTrainableWeights() && !layout.isEncoder()
                && layout.combiner() != io.bloomfit.api.embed.Combiner.CONCAT;
        return rowsAreParameters ? layout.totalRows() : layout.achievedRatio() * layout.numEntities();
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
