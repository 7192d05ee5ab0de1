package io.bloomfit.spark;

import io.bloomfit.api.train.Trainer;
import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.ExperimentRun;
import io.bloomfit.experiment.RunOptions;
import io.bloomfit.experiment.RunOutcome;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.experiment.store.ResultStores;
import io.bloomfit.experiment.store.StoreDirectory;
import io.bloomfit.experiment.store.StoreUnavailableException;
import io.bloomfit.experiment.store.StoredRun;
import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.Plugins;
import io.bloomfit.report.ConsoleReport;
import io.bloomfit.report.ExperimentSummary;
import io.bloomfit.report.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.spark.SparkConf;

/**
 * {@code spark-submit --class io.bloomfit.spark.SparkSweep bloomfit-spark.jar SPEC --store URL [--resume]}, and
 * {@code bin/bloomfit-spark SPEC [--master URL] [--store URL | --out DIR] [--resume]}: a grid sweep with one Spark
 * task per grid point. The store is a run directory (a path or {@code file:} URL) or an experiment database
 * ({@code jdbc:} URL), where the sweep is recorded as an experiment a server lists ({@link ResultStores}).
 *
 * <p>The driver reads and validates the spec with the CLI's {@link SpecReader} and runs it through the CLI's entry
 * ({@link ExperimentRun}: the data loaded and split as the CLI does), so a bad spec or data file fails the same way
 * (same message, exit 2) before Spark starts; the points not yet finished in the store go to a
 * {@link SparkPointScheduler}. Exit codes are the CLI's: 0 every point ok, 1 a point failed or the sweep could not
 * finish, 2 a usage, spec or data error.
 */
public final class SparkSweep {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private SparkSweep() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, SparkSweep::startCluster));
    }

    /**
     * Runs a sweep; never throws: every error is one line on {@code err} and an exit code.
     *
     * @param clusters the Spark application for a validated spec and the parsed arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err,
                   BiFunction<ExperimentSpec, SweepArguments, SparkCluster> clusters) {
        try {
            return sweep(SweepArguments.parse(args), out, err, clusters);
        } catch (RuntimeException | IOException e) {
            return report(e, err);
        }
    }

    private static int sweep(SweepArguments arguments, PrintStream out, PrintStream err,
                             BiFunction<ExperimentSpec, SweepArguments, SparkCluster> clusters) throws IOException {
        ExperimentSpec spec = SpecReader.read(arguments.spec(), arguments.overrides());
        try (StoredRun stored = open(arguments, spec)) {
            ResultStore store = stored.results();
            err.println("bloomfit-spark: " + spec.name() + " (" + arguments.spec() + ") -> " + stored.location());
            long t0 = System.nanoTime();
            ExperimentRun run = new ExperimentRun(spec, Plugins.shared(), new RunOptions(1, arguments.resume(), null));
            ExperimentData data = run.data();
            err.println("data: " + data.description() + String.format(Locale.ROOT, " (%.1f s on the driver; each "
                    + "executor JVM loads it once)", (System.nanoTime() - t0) / 1e9));
            stored.describeData(data.description());
            SweepProgress progress = new SweepProgress(err);
            RunOutcome outcome;
            String master;
            try (SparkCluster cluster = clusters.apply(spec, arguments)) {
                SparkPointScheduler scheduler = new SparkPointScheduler(cluster, spec, progress);
                outcome = run.run(store, stored.listener(progress), scheduler);
                master = cluster.started() ? cluster.context().master() : "not started: nothing left to run";
            }
            stored.ended(outcome.cancelled());
            List<ResultRow> rows = outcome.rows();
            String summary = progress.summary();
            if (!summary.isEmpty()) {
                err.println(summary);
            }
            if (store instanceof DirectoryResultStore directory && !rows.isEmpty()) {
                String context = outcome.dataDescription() + "; trainer " + spec.trainer().name() + "; Spark " + master;
                ExperimentSummary report = ReportFiles.write(directory.directory(), spec.name(), context, rows);
                out.println();
                out.print(ConsoleReport.render(report));
                out.println();
                out.println("results: " + directory.directory().results());
                out.println("summary: " + directory.directory().summaryCsv());
                out.println("report:  " + directory.directory().reportHtml());
            }
            out.flush();
            return rows.stream().allMatch(ResultRow::ok) ? OK : FAILURE;
        }
    }

    /**
     * The store {@code --store} or {@code --out} names ({@link ResultStores}: a run directory, or a {@code jdbc:}
     * database where the sweep is recorded as a new experiment), else a new run directory.
     */
    private static StoredRun open(SweepArguments arguments, ExperimentSpec spec) {
        if (arguments.store() == null) {
            return ResultStores.runDirectory(newRunDirectory(spec));
        }
        if (arguments.resume() && !ResultStores.namesDirectory(arguments.store())) {
            throw new SweepUsageException("--resume continues a run directory (--out DIR); a database store "
                    + "records every sweep as a new experiment: resume a cancelled or failed one with bloomfit-server "
                    + "(POST /api/experiments/ID/resume)");
        }
        try {
            return ResultStores.open(arguments.store(), StoreDirectory.RUN_DIRECTORY, spec,
                    "spark: " + arguments.spec());
        } catch (StoreUnavailableException e) {
            throw new SweepUsageException("--store: " + e.getMessage());
        }
    }

    /** As the CLI: {@code $BLOOMFIT_OUT/<name>-<timestamp>}, {@code BLOOMFIT_OUT} defaulting to {@code runs}. */
    private static Path newRunDirectory(ExperimentSpec spec) {
        String parent = System.getenv("BLOOMFIT_OUT");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(parent == null || parent.isBlank() ? "runs" : parent, spec.name() + "-" + stamp);
    }

    /**
     * The application's configuration: spark-submit's (system properties {@code spark.*}), {@code --master} over
     * it, {@code local[*]} when neither names one. A trainer that fits one model per JVM (djl) gets the whole
     * executor per task when the executor's cores are known and {@code spark.task.cpus} is not set. Unless the
     * application runs in one JVM, this jar is shipped to the executors when spark-submit did not (bin/bloomfit-spark).
     */
    static SparkConf conf(ExperimentSpec spec, String master) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", "bloomfit " + spec.name());
        Trainer trainer = Plugins.shared().trainers().forName(spec.trainer().name());
        if (!trainer.capabilities().concurrentFits() && conf.contains("spark.executor.cores")
                && !conf.contains("spark.task.cpus")) {
            conf.set("spark.task.cpus", conf.get("spark.executor.cores"));
        }
        String resolved = conf.get("spark.master");
        boolean oneJvm = resolved.equals("local") || resolved.startsWith("local[");
        if (!conf.contains("spark.jars") && !oneJvm) {
            Path self = Path.of(SparkSweep.class.getProtectionDomain().getCodeSource().getLocation().getPath());
            if (Files.isRegularFile(self)) {
                conf.set("spark.jars", self.toUri().toString());
            }
        }
        return conf;
    }

    private static SparkCluster startCluster(ExperimentSpec spec, SweepArguments arguments) {
        return SparkCluster.starting(conf(spec, arguments.master()), PluginDirectory.configuredPath());
    }

    /** The CLI's mapping: errors the user can fix exit 2 with their message, others exit 1. */
    static int report(Exception ex, PrintStream err) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        int code;
        String message;
        if (e instanceof SpecException || e instanceof SweepUsageException || e instanceof IllegalArgumentException
                || e instanceof DatasetLoadException) {
            code = USAGE;
            message = e.getMessage();
        } else if (e instanceof NoSuchFileException missing) {
            code = USAGE;
            message = missing.getFile() + ": " + (missing.getReason() != null ? missing.getReason() : "no such file");
        } else if (e instanceof AccessDeniedException denied) {
            code = USAGE;
            message = denied.getFile() + ": permission denied";
        } else if (e instanceof IOException) {
            code = FAILURE;
            message = e.getMessage();
        } else {
            code = FAILURE;
            message = e.getClass().getName() + ": " + e.getMessage()
                    + " (rerun with -Dbloomfit.debug=true for the stack trace)";
        }
        err.println("bloomfit: " + message);
        if (Boolean.getBoolean("bloomfit.debug")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
