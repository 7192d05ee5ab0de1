package io.bloomfit.experiment;


import io.bloomfit.api.embed.EmbeddingCompressors;

import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.store.ResultStore;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the grid of an experiment: for each point it builds the layouts of the compressed side(s) (the other side
 * plain), fits through the spec's {@link Trainer}, evaluates, and appends the row to the {@link ResultStore} as
 * soon as the point finishes. Points are isolated: a divergence or an exception in a plugin is recorded as a
 * {@code failed} row and the rest go on.
 *
 * <p>Parallelism defaults to 1 so timings are clean. Above 1, layouts and evaluation of different points overlap,
 * but fits still run one at a time behind a lock: DJL allows one training per JVM (its gradient collector is
 * process-wide), so running fits truly in parallel needs separate processes (e.g. one {@code bloomfit run
 * --set grid.hash=[...]} per process into separate directories).
 *
 * <p>Before the first point the runner fits once, untimed, on a small slice of the training data (see
 * {@link TrainerWarmUp}): otherwise the first point (the plain baseline) would pay for loading the engine's
 * native library and compiling the hot code, which made plain look several times slower per epoch than it is
 * and every compressed point's speedup look larger than it is.
 */
public final class ExperimentRunner {

    private final ExperimentSpec spec;
    private final ExperimentData data;
    private final Evaluation evaluation;
    private final ResultStore store;
    private final ExperimentListener listener;
    private final int parallelism;
    private final Plugins plugins;
    private final ReentrantLock fitLock = new ReentrantLock(true);

    /**
     * @param parallelism points in flight at once, at least 1
     */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism) {
        this(spec, data, evaluation, store, listener, parallelism, Plugins.shared());
    }

    /** As the other constructor, resolving compressors and the trainer in {@code plugins}. */
    public ExperimentRunner(ExperimentSpec spec, ExperimentData data, Evaluation evaluation, ResultStore store,
                            ExperimentListener listener, int parallelism, Plugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.store = Objects.requireNonNull(store, "store");
        this.listener = listener == null ? ExperimentListener.NONE : listener;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Runs every point of the grid that has not finished yet.
     *
     * @param resume skip points with an {@code ok} row in the store (failed points run again); without it the
     *               store must not hold results yet
     * @return every row in the store afterwards (earlier runs' rows included)
     * @throws SpecException when the store holds results of another spec, or holds results and resume is off
     * @throws IOException   when the results cannot be read or written
     */
    public List<ResultRow> run(boolean resume) throws IOException {
        List<GridPoint> points = ExperimentPlan.expand(spec, plugins);
        Set<String> finished = new HashSet<>();
        if (store.hasResults()) {
            if (!resume) {
                throw new SpecException("--out " + store.directory(), "", store.resultsFile() + " already holds "
                        + "results; add --resume to continue that run, or choose another --out directory");
            }
            String stored = store.storedSpec();
            if (stored != null && !sameExceptGrid(stored, spec.source())) {
                throw new SpecException("--resume", "", store.specFile() + " was written by a different spec "
                        + "(dataset, split, model or trainer differ), so its results are not comparable; "
                        + "use another --out directory");
            }
            store.dropPartialLastLine();
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
        Trainer trainer = plugins.trainers().forName(spec.trainer().name());
        if (!todo.isEmpty()) {
            warmUp(trainer);
        }
        AtomicInteger counter = new AtomicInteger();
        if (parallelism == 1) {
            for (GridPoint p : todo) {
                runAndStore(trainer, p, counter.incrementAndGet(), todo.size());
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
                Thread t = new Thread(r, "bloomfit-point");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (GridPoint p : todo) {
                    futures.add(pool.submit(() -> {
                        runAndStore(trainer, p, counter.incrementAndGet(), todo.size());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted; finished points are in " + store.resultsFile(), e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return store.read();
    }

    /** Fits once, untimed, so that no timed point pays for engine start-up ({@link TrainerWarmUp}). */
    void warmUp(Trainer trainer) {
        TrainerWarmUp.run(trainer, spec.model(), data.train(), plugins.compressors().forName(ExperimentPlan.BASELINE));
    }

    private static boolean sameExceptGrid(String storedJson, String currentJson) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var a = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(storedJson);
            var b = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(currentJson);
            a.remove(List.of("grid", "name"));
            b.remove(List.of("grid", "name"));
            return a.equals(b);
        } catch (IOException | ClassCastException e) {
            return false;
        }
    }

    private void runAndStore(Trainer trainer, GridPoint point, int index, int total) {
        TrainingListener training = listener.pointStarted(point, index, total);
        ResultRow row = runPoint(trainer, point, training == null ? TrainingListener.NONE : training);
        try {
            store.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener.pointFinished(row, index, total);
    }

    /** Runs one point; never throws for a failure of the point itself (it becomes a {@code failed} row). */
    ResultRow runPoint(Trainer trainer, GridPoint point, TrainingListener training) {
        PeakHeap heap = PeakHeap.start();
        int numUsers = data.train().numUsers();
        int numItems = data.train().numItems();
        ModelSpec model = spec.model().withSeed(point.seed());
        LayoutStats userStats = null;
        LayoutStats itemStats = null;
        double layoutSeconds = Double.NaN;
        long parameters = 0;
        long bytes = 0;
        double achievedRatio = Double.NaN;
        FitReport report = null;
        try {
            long t0 = System.nanoTime();
            EmbeddingLayout users = layout(point, point.sides().compressesUsers(), numUsers, model.dimension());
            EmbeddingLayout items = layout(point, point.sides().compressesItems(), numItems, model.dimension());
            userStats = LayoutStats.of(users);
            itemStats = LayoutStats.of(items);
            layoutSeconds = (System.nanoTime() - t0) / 1e9;
            parameters = users.parameterCount(model.dimension()) + items.parameterCount(model.dimension());
            bytes = users.parameterBytes(model.dimension()) + items.parameterBytes(model.dimension())
                    + users.indexBytes() + items.indexBytes();
            achievedRatio = achievedRatio(point, users, items);
            FitRequest request = new FitRequest(model, data.train(), users, items);
            RankingMetrics metrics;
            double evalSeconds;
            fitLock.lock();
            TrainedModel fitted;
            try {
                fitted = trainer.fit(request, training);
            } finally {
                fitLock.unlock();
            }
            try (TrainedModel m = fitted) {
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
                    listener.modelFitted(point, m);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the model: " + e.getMessage(), e);
                }
            }
            return new ResultRow(point, ResultRow.OK, null, metrics, report.secondsPerEpoch(), report.lossPerEpoch(),
                    report.fitSeconds(), evalSeconds, layoutSeconds, parameters, bytes, achievedRatio, userStats,
                    itemStats, heap.peakBytes(), report.device(), report.threads(), trainer.name(), now());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
            String error = e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                    ? e.getMessage() : e.getClass().getName() + ": " + e.getMessage();
            return new ResultRow(point, ResultRow.FAILED, error, null,
                    report == null ? null : report.secondsPerEpoch(), report == null ? null : report.lossPerEpoch(),
                    report == null ? Double.NaN : report.fitSeconds(), Double.NaN, layoutSeconds, parameters, bytes,
                    achievedRatio, userStats, itemStats, heap.peakBytes(),
                    report == null ? null : report.device(), report == null ? spec.trainer().threads()
                    : report.threads(), trainer.name(), now());
        }
    }

    private EmbeddingLayout layout(GridPoint point, boolean compressed, int entities, int dimension) {
        if (!compressed) {
            return plugins.compressors().forName(ExperimentPlan.BASELINE).layout(LayoutRequest.plain(entities,
                    dimension), null);
        }
        EmbeddingCompressor compressor = plugins.compressors().forName(point.compressor());
        LayoutRequest request = new LayoutRequest(entities, dimension, point.ratio(), point.hashes(), point.hash(),
                point.seed());
        return EmbeddingCompressors.layout(compressor, request, plugins.hashes());
    }

    private static double achievedRatio(GridPoint point, EmbeddingLayout users, EmbeddingLayout items) {
        long rows = 0;
        long entities = 0;
        if (point.sides().compressesUsers()) {
            rows += users.totalRows();
            entities += users.numEntities();
        }
        if (point.sides().compressesItems()) {
            rows += items.totalRows();
            entities += items.numEntities();
        }
        return entities == 0 ? 1.0 : (double) rows / entities;
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
