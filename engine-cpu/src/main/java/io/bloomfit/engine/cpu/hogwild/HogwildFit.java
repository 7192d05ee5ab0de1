package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.FitLoop;
import io.bloomfit.engine.factorization.Minibatches;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ModelParameters;
import io.bloomfit.engine.factorization.model.ParameterInitializer;
import io.bloomfit.engine.factorization.model.TableId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A hogwild fit: the same initial parameters ({@link ModelParameters#initial}), batches and negatives
 * ({@link Minibatches}) as every factorization trainer, but each example updates the rows it read at once
 * ({@link SampleStep}), and {@code model.threads} threads take batches from the epoch as they finish the last and
 * update the shared tables without locks. With one thread the fit is a pure function of the spec and the data;
 * with more, the order in which examples update rows depends on scheduling, so results vary from run to run
 * within the noise of training (the MRR spread is measured in {@code HogwildTrainerTest}).
 *
 * <p>{@code model.batchSize} is the unit threads take work in, and of progress reports; the learning rate applies
 * to each example's own gradient (not to a batch mean), as in {@code implicit}'s BPR. A listener that
 * {@link TrainingListener#wantsEpochModels() wants epoch models} (tuning with early stopping) gets a copy of the
 * model after every epoch, taken once all threads have finished it, and a stop it then requests ends the fit before
 * the next batch.
 */
public final class HogwildFit {

    private HogwildFit() {
    }

    /** Threads a fit of {@code spec} uses: {@code model.threads}, or every core when 0. */
    public static int threads(ModelSpec spec) {
        return spec.trainer().threads() > 0 ? spec.trainer().threads() : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Fits {@code request} (already validated: optimizer {@code sgd} or {@code sparse-adagrad}, CPU) and returns
     * the model; the report names {@code device}.
     */
    public static FactorizationModel fit(FitRequest request, TrainingListener listener,
                                         ParameterInitializer initializer, String device, ModelOrigin origin) {
        ModelSpec spec = request.model();
        Optimization optimization = spec.optimization();
        ModelArchitecture architecture = spec.architecture();
        ModelParameters parameters = ModelParameters.initial(request, initializer);
        SharedTable[] tables = new SharedTable[TableId.values().length];
        EntityRows[] lookups = new EntityRows[TableId.values().length];
        int numUsers = request.train().numUsers();
        int numItems = request.train().numItems();
        for (TableId t : TableId.values()) {
            tables[t.ordinal()] = new SharedTable(parameters.table(t), parameters.shapes().width(t),
                    optimization.optimizer(), parameters.plans().learningRate(t, (float) optimization.learningRate()));
            if (!t.isWeights()) {
                // a weight table is read through its vector table's rows (SampleStep), so it needs none of its own
                boolean userSide = t == TableId.USER_VECTORS || t == TableId.USER_BIASES;
                lookups[t.ordinal()] = EntityRows.of(parameters.plans().of(t), userSide ? numUsers : numItems);
            }
        }
        int threads = threads(spec);
        int perPositive = architecture.loss() == Loss.ADAPTIVE_HINGE ? optimization.negatives().count() : 1;
        SampleStep[] steps = new SampleStep[threads];
        for (int w = 0; w < threads; w++) {
            steps[w] = new SampleStep(tables, lookups, architecture.dimension(), architecture.loss(),
                    (float) optimization.l2(), perPositive);
        }
        Minibatches batches = new Minibatches(request.train(), spec);
        double[] seconds = new double[optimization.epochs()];
        double[] losses = new double[optimization.epochs()];
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread thread = new Thread(r, "bloomfit-hogwild");
            thread.setDaemon(true);
            return thread;
        }) : null;
        boolean epochModels = listener.wantsEpochModels();
        try {
            long stepsBefore = 0;
            for (int epoch = 1; epoch <= optimization.epochs(); epoch++) {
                listener.epochStarted(epoch, optimization.epochs(), batches.steps());
                EpochFeed feed = new EpochFeed(batches.epoch(epoch), listener, epoch, batches.steps(), stepsBefore);
                runEpoch(feed, steps, pool);
                feed.rethrow();
                seconds[epoch - 1] = feed.seconds();
                losses[epoch - 1] = feed.meanLoss();
                listener.epochFinished(epoch, optimization.epochs(), losses[epoch - 1], seconds[epoch - 1]);
                if (epochModels) {
                    // every worker has finished the epoch: the tables hold still while they are copied
                    FitReport sofar = new FitLoop.Result(seconds, losses).first(epoch).report(device, threads,
                            parameters.shapes().totalFloats());
                    try (FactorizationModel current = new FactorizationModel(spec, request.userLayout(),
                            request.itemLayout(), copy(parameters), sofar, origin)) {
                        listener.epochModel(epoch, current);
                    }
                }
                stepsBefore += batches.steps();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        FitReport report = new FitLoop.Result(seconds, losses).report(device, threads,
                parameters.shapes().totalFloats());
        return new FactorizationModel(spec, request.userLayout(), request.itemLayout(), parameters, report, origin);
    }

    /** A copy of {@code parameters}' tables (the fit goes on updating its own). */
    private static ModelParameters copy(ModelParameters parameters) {
        float[][] tables = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            tables[t.ordinal()] = parameters.table(t).clone();
        }
        return new ModelParameters(parameters.plans(), parameters.shapes(), tables);
    }

    /** Runs workers on the pool's threads and on this one until the feed runs dry. */
    private static void runEpoch(EpochFeed feed, SampleStep[] steps, ExecutorService pool) {
        List<Future<?>> others = new ArrayList<>();
        for (int w = 1; w < steps.length; w++) {
            SampleStep step = steps[w];
            others.add(pool.submit(() -> work(feed, step)));
        }
        work(feed, steps[0]);
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers stop by themselves once the feed is dry; wait for them
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    break; // the feed holds the failure: EpochFeed.rethrow raises it
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void work(EpochFeed feed, SampleStep step) {
        try {
            for (Batch batch = feed.next(); batch != null; batch = feed.next()) {
                feed.finished(step.batch(batch), batch.size());
            }
        } catch (RuntimeException e) {
            feed.failed(e);
            throw e;
        }
    }
}
