package io.bloomfit.server;

import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.ExperimentRun;
import io.bloomfit.experiment.PlannedRun;
import io.bloomfit.experiment.RunOptions;
import io.bloomfit.experiment.RunOutcome;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.host.Plugins;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;
import io.bloomfit.store.jdbc.ExperimentStatus;
import io.bloomfit.store.jdbc.JdbcResultStore;
import io.bloomfit.store.jdbc.RecordingListener;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs submitted experiments: a bounded queue ({@code bloomfit.server.queue-size}) in front of one worker thread,
 * so experiments run one at a time and never on an HTTP thread (DJL trains one model per JVM). Each run goes
 * through the CLI's run entry ({@link ExperimentRun}) into the database ({@link JdbcResultStore}, one transaction
 * per finished point), with progress recorded as events. At start-up, experiments this server had queued or
 * running when it stopped (even by {@code kill -9}) become {@code interrupted}; {@link #resume} finishes them.
 * A spec with {@code keepModels: true} keeps each fitted point's model in the data directory
 * ({@link DataDirectory#models}); deleting the experiment deletes them.
 */
@ApplicationScoped
public class ExperimentService {

    /** The {@code origin} of experiments submitted over the API (those a restart marks interrupted). */
    static final String ORIGIN = "api";
    private static final Logger LOG = Logger.getLogger(ExperimentService.class);

    private final ExperimentDatabase database;
    private final SubmittedSpecs specs;
    private final ServerSettings settings;
    private final ServerMetrics metrics;
    private final DataDirectory dataDirectory;
    private final Plugins plugins;
    private final BlockingQueue<String> queue;
    private final TrainingPriority priority;
    private final Object lock = new Object();
    private volatile Running running;
    private volatile boolean stopping;
    private Thread worker;

    /** The experiment the worker runs now; its run exists once its spec is read. */
    private static final class Running {

        private final String id;
        private final LiveProgress progress;
        private final LiveStatus status;
        private ExperimentRun run;
        private boolean cancelRequested;

        Running(String id, LiveProgress progress, LiveStatus status) {
            this.id = id;
            this.progress = progress;
            this.status = status;
        }

        String id() {
            return id;
        }

        LiveProgress progress() {
            return progress;
        }

        LiveStatus status() {
            return status;
        }

        synchronized void cancel() {
            cancelRequested = true;
            if (run != null) {
                run.cancel();
            }
        }

        synchronized void attach(ExperimentRun run) {
            this.run = run;
            if (cancelRequested) {
                run.cancel();
            }
        }

        synchronized boolean cancelled() {
            return cancelRequested;
        }
    }

    @Inject
    public ExperimentService(ExperimentDatabase database, SubmittedSpecs specs, ServerSettings settings,
                             ServerMetrics metrics, DataDirectory dataDirectory, Plugins plugins) {
        this.database = database;
        this.plugins = plugins;
        this.specs = specs;
        this.settings = settings;
        this.metrics = metrics;
        this.dataDirectory = dataDirectory;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueSize()));
        this.priority = new TrainingPriority(settings.trainingNice());
        metrics.queue(queue::size);
    }

    void start(@Observes StartupEvent event) {
        List<String> interrupted = database.interruptActive(ORIGIN);
        if (!interrupted.isEmpty()) {
            LOG.infof("%d experiment(s) were queued or running when the server stopped; now interrupted (POST "
                    + "/api/experiments/{id}/resume continues them): %s", interrupted.size(), interrupted);
        }
        worker = new Thread(this::work, "bloomfit-experiments");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Running r = running;
        if (r != null) {
            r.cancel();
        }
        if (worker != null) {
            synchronized (lock) {
                lock.notifyAll();
            }
            try {
                worker.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Validates and queues a spec. A full queue is refused before the spec is read, so a burst of submissions the
     * queue cannot hold costs no spec reading (it competes for the cores with the training and the status calls);
     * a spec sent to a full queue is therefore answered 429 even when it is invalid, and 400 once there is room.
     *
     * @throws SpecException      naming every problem (400)
     * @throws QueueFullException when the queue is full (429)
     */
    public ExperimentRecord submit(String body, boolean json) {
        requireRoom();
        ExperimentSpec spec = specs.read(body, json);
        synchronized (lock) {
            requireRoom();
            ExperimentRecord record = database.create(spec.name(), ORIGIN, spec.source());
            queue.add(record.id());
            lock.notifyAll();
            return record;
        }
    }

    /**
     * What a spec would run, checked as {@link #submit} checks it and sized on its data (loaded and split here, on
     * the caller's thread), with nothing queued or stored.
     *
     * @throws SpecException         naming every problem (400)
     * @throws DatasetLoadException when the data cannot be read (400)
     */
    public PlannedRun plan(String body, boolean json) {
        return new ExperimentRun(specs.read(body, json), plugins, RunOptions.defaults()).plan();
    }

    /** The experiment {@code id}, or a 404; the running one from memory ({@link LiveStatus}). */
    public ExperimentRecord get(String id) {
        LiveStatus.View live = live(id);
        if (live != null) {
            return live.record();
        }
        return database.find(id).orElseThrow(() -> new NotFoundException("no experiment '" + id + "'; GET "
                + "/api/experiments lists them"));
    }

    /** The in-memory view of experiment {@code id} while this server runs it, else {@code null}. */
    public LiveStatus.View live(String id) {
        Running r = running;
        return r != null && r.id().equals(id) ? r.status().view() : null;
    }

    /** What the experiment's running point is doing, or {@code null} when it is not running here. */
    public LiveProgress.Snapshot progress(String id) {
        Running r = running;
        return r != null && r.id().equals(id) ? r.progress().current() : null;
    }

    /** Queues an interrupted, cancelled or failed experiment again: its unfinished points run. */
    public ExperimentRecord resume(String id) {
        synchronized (lock) {
            ExperimentRecord record = get(id);
            if (!record.status().resumable()) {
                throw new ExperimentConflictException("experiment " + id + " is " + record.status().specName()
                        + "; only interrupted, cancelled or failed experiments can be resumed");
            }
            specs.stored(id, record.spec()); // still valid here (plugins, dataset files)?
            requireRoom();
            database.transition(id, ExperimentStatus.QUEUED, null);
            queue.add(id);
            lock.notifyAll();
            return get(id);
        }
    }

    /**
     * Stops an experiment: a queued one leaves the queue, a running one stops at its next training step (finished
     * points are kept); both become {@code cancelled}.
     */
    public ExperimentRecord cancel(String id) {
        synchronized (lock) {
            ExperimentRecord record = get(id);
            Running r = running;
            if (r != null && r.id().equals(id)) {
                r.cancel();
                return record;
            }
            if (queue.remove(id)) {
                database.transition(id, ExperimentStatus.CANCELLED, null);
                return get(id);
            }
            throw new ExperimentConflictException("experiment " + id + " is " + record.status().specName()
                    + "; only queued or running experiments can be cancelled");
        }
    }

    /** Deletes an experiment that is not queued or running, with its results, events and kept models. */
    public void delete(String id) {
        synchronized (lock) {
            ExperimentRecord record = get(id);
            Running r = running;
            if (record.status().active() || r != null && r.id().equals(id)) {
                throw new ExperimentConflictException("experiment " + id + " is " + record.status().specName()
                        + "; cancel it first (POST /api/experiments/" + id + "/cancel)");
            }
            database.delete(id);
        }
        deleteTree(dataDirectory.models(id));
    }

    /** The spec an experiment stored, read again (plugins resolved, dataset checked). */
    public ExperimentSpec storedSpec(ExperimentRecord record) {
        return specs.stored(record.id(), record.spec());
    }

    /** Experiments waiting. */
    public int queued() {
        return queue.size();
    }

    private void requireRoom() {
        if (queue.remainingCapacity() == 0) {
            throw new QueueFullException(settings.queueSize(), settings.retryAfterSeconds());
        }
    }

    private void work() {
        priority.lowerCurrentThread();
        while (!stopping) {
            Running current;
            synchronized (lock) {
                String id = queue.poll();
                if (id == null) {
                    try {
                        lock.wait(500); // submit and resume notify
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                // taken from the queue and made the running one at once: cancel always finds it in one place
                LiveProgress progress = new LiveProgress(id, metrics);
                current = new Running(id, progress, new LiveStatus(database, id, progress));
                running = current;
            }
            metrics.running(true);
            try {
                run(current);
            } finally {
                metrics.running(false);
                running = null;
            }
        }
    }

    /** Runs one experiment to its end and records how it ended. Never throws. */
    private void run(Running current) {
        String id = current.id();
        try {
            ExperimentRecord record = database.find(id).orElse(null);
            if (record == null) {
                return; // deleted while queued
            }
            if (current.cancelled()) {
                database.transition(id, ExperimentStatus.CANCELLED, null);
                return;
            }
            ExperimentSpec spec = specs.stored(id, record.spec());
            database.transition(id, ExperimentStatus.RUNNING, null);
            current.status().refresh();
            priority.lowerPoolWorkers();
            JdbcResultStore store = database.results(id);
            ExperimentRun run = new ExperimentRun(spec, plugins, new RunOptions(1, store.hasResults(),
                    spec.keepModels() ? dataDirectory.models(id) : null));
            current.attach(run);
            if (stopping) {
                run.cancel();
            }
            database.describeData(id, run.data().description()); // data the split cannot use: DatasetLoadException
            RunOutcome outcome = run.run(store, new RecordingListener(database, id, current.status()));
            ExperimentStatus end = !outcome.cancelled() ? ExperimentStatus.FINISHED
                    : stopping ? ExperimentStatus.INTERRUPTED : ExperimentStatus.CANCELLED;
            current.status().forget();
            database.transition(id, end, null);
        } catch (SpecException | DatasetLoadException e) {
            current.status().forget();
            end(id, e.getMessage());
        } catch (IOException e) {
            current.status().forget();
            end(id, "cannot read or write the results: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            current.status().forget();
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "error %s: experiment %s failed unexpectedly", errorId, id);
            end(id, "the run failed unexpectedly (a fault in the server or a plugin); the server log has the "
                    + "details under error " + errorId);
        }
    }


    private void end(String id, String error) {
        try {
            database.transition(id, ExperimentStatus.FAILED, error);
        } catch (RuntimeException e) {
            LOG.errorf(e, "experiment %s failed (%s) and the failure could not be recorded", id, error);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", dir, e.getMessage());
        }
    }
}
