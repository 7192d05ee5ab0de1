package io.bloomfit.cli;

import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.ExperimentRun;
import io.bloomfit.experiment.RunOptions;
import io.bloomfit.experiment.RunOutcome;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.ResultStore;
import io.bloomfit.experiment.store.RunClaim;
import io.bloomfit.experiment.store.RunDirectory;
import io.bloomfit.host.Plugins;
import io.bloomfit.report.ConsoleReport;
import io.bloomfit.report.ExperimentSummary;
import io.bloomfit.report.ReportContext;
import io.bloomfit.report.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bloomfit run [SPEC]}: validates the spec, runs its grid, writes results and reports, prints the table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an experiment spec (YAML or JSON) and prints the report.",
            "Without SPEC: the bundled examples/quickstart.yaml (built-in synthetic data).",
            "Writes DIR/results.jsonl (one row per grid point, as each finishes), DIR/summary.csv, DIR/report.html.",
            "Ctrl-C stops the point in progress at its next step and keeps every finished one; --resume continues."},
        footer = {"", "Environment: BLOOMFIT_OUT (default parent of run directories: runs), BLOOMFIT_SET "
                + "(comma-separated key=value overrides applied before --set), BLOOMFIT_PLUGINS_DIR (drop-in jars).",
            ExitCodes.HELP})
public class RunCommand implements Callable<Integer> {

    static final String QUICKSTART = "examples/quickstart.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "experiment spec file")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: $BLOOMFIT_OUT/<name>-<timestamp>, BLOOMFIT_OUT=runs)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out DIR: skip points that finished ok")
    boolean resume;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a spec value by its dotted path, e.g. --set model.epochs=2 "
                    + "--set grid.hash=[xxh64,md5]; repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "one plain line per grid point, no live progress")
    boolean quiet;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "grid points in flight (default 1, for clean timings; fits still run one at a time "
                    + "when the trainer cannot fit concurrently, as DJL trains one model per JVM)")
    int parallel = 1;

    @Option(names = "--save-models", description = "save each point's model under DIR/models/<point>/ "
            + "(for `bloomfit recommend`); the same as `keepModels: true` in the spec")
    boolean saveModels;

    @Option(names = "--store", paramLabel = "URI", description = "also record the run in an experiment database, "
            + "where `bloomfit-server` lists it: jdbc:postgresql://HOST/DB?user=U&password=P, jdbc:h2:file:PATH, or "
            + "a server's data directory (its embedded database)")
    String store;

    @Option(names = "--dry-run", description = "validate the spec and print the grid it would run, one line per "
            + "point with its parameters, bytes and Java heap estimate, then exit; loads and splits the data to size "
            + "the layouts, trains and writes nothing")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    PrintWriter out() {
        return commandSpec != null ? commandSpec.commandLine().getOut() : outWriter;
    }

    PrintWriter err() {
        return commandSpec != null ? commandSpec.commandLine().getErr() : errWriter;
    }

    /** Writers used when {@link BloomfitCommand} runs the default experiment (no picocli spec of its own). */
    PrintWriter outWriter;
    PrintWriter errWriter;

    @Override
    public Integer call() throws IOException {
        if (parallel < 1) {
            throw new UserError("--parallel must be at least 1, was " + parallel);
        }
        List<String> overrides = new ArrayList<>(environmentOverrides());
        overrides.addAll(sets);
        ExperimentSpec spec = readSpec(overrides);
        if (dryRun) {
            return plan(spec);
        }
        RunDirectory dir = new RunDirectory(outputDirectory(spec));
        DirectoryResultStore store = new DirectoryResultStore(dir);
        try (RunClaim claim = store.claim()) {
            return run(spec, dir, store);
        }
    }

    /** Runs {@code spec} into {@code store}, which this run has claimed. */
    private Integer run(ExperimentSpec spec, RunDirectory dir, ResultStore results) throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        err.println("bloomfit: " + spec.name() + " (" + specName() + (specFile == null ? ", bundled" : "") + ") -> "
                + dir.path());
        err.flush();
        long t0 = System.nanoTime();
        ExperimentRun run = new ExperimentRun(spec, Plugins.shared(), new RunOptions(parallel, resume,
                saveModels || spec.keepModels() ? dir.models() : null));
        ExperimentData data = run.data();
        err.println("data: " + data.description() + String.format(java.util.Locale.ROOT, " (%.1f s)",
                (System.nanoTime() - t0) / 1e9));
        err.flush();
        boolean live = !quiet && System.console() != null;
        ProgressPrinter progress = new ProgressPrinter(err, live, !quiet, spec.model().optimization().epochs());
        try (StoreOption recording = StoreOption.open(this.store, spec, specName(), data)) {
            Integer exit = run(run, recording.store(results), recording.listener(progress), dir, out, err);
            recording.ended(run.cancelled(), err);
            return exit;
        }
    }

    private Integer run(ExperimentRun run, ResultStore results, ExperimentListener listener, RunDirectory dir,
                        PrintWriter out, PrintWriter err) throws IOException {
        ExperimentSpec spec = run.spec();
        try (CancelOnShutdown ctrlC = CancelOnShutdown.install(run::cancel, err)) {
            RunOutcome outcome = run.run(results, listener);
            List<ResultRow> rows = outcome.rows();
            if (rows.isEmpty() && outcome.cancelled()) {
                err.println("bloomfit: cancelled before any point finished, so there is nothing to report; "
                        + "continue with:");
                err.println("  " + resumeCommand(dir.path()));
                err.flush();
                return ExitCodes.INTERRUPTED;
            }
            ExperimentSummary summary = ReportFiles.write(dir, spec.name(),
                    ReportContext.of(spec, outcome.dataDescription()), rows);
            out.println();
            out.print(ConsoleReport.render(summary));
            out.println();
            out.println("results: " + dir.results());
            out.println("summary: " + dir.summaryCsv());
            out.println("report:  " + dir.reportHtml());
            out.flush();
            if (outcome.cancelled()) {
                long finished = rows.stream().filter(ResultRow::ok).map(r -> r.point().key()).distinct().count();
                err.println("bloomfit: cancelled: " + finished + " of " + ExperimentPlan.expand(spec).size()
                        + " grid points finished; their results are in " + dir.results() + ", summarised in "
                        + dir.summaryCsv() + " and " + dir.reportHtml() + "; continue with:");
                err.println("  " + resumeCommand(dir.path()));
                err.flush();
                return ExitCodes.INTERRUPTED;
            }
            long failed = rows.stream().filter(r -> !r.ok()).count();
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /**
     * {@code --dry-run}: the grid the spec would run, each point sized on the spec's data (loaded and split for
     * that), without training or writing anything.
     */
    private Integer plan(ExperimentSpec spec) {
        PrintWriter out = out();
        out.println("plan: " + spec.name() + " (" + specName() + (specFile == null ? ", bundled" : "") + ")");
        out.flush();
        long t0 = System.nanoTime();
        PlanTable.print(new ExperimentRun(spec, Plugins.shared(), new RunOptions(parallel, false, null)).plan(),
                (System.nanoTime() - t0) / 1e9, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** The spec as messages name it: its file, or the bundled quickstart. */
    private String specName() {
        return specFile == null ? QUICKSTART : specFile.toString();
    }

    /** The command that continues this run: the same spec, overrides and options, with {@code --resume}. */
    String resumeCommand(Path dir) {
        StringBuilder command = new StringBuilder("bloomfit run");
        if (specFile != null) {
            command.append(' ').append(shellWord(specFile.toString()));
        }
        for (String set : sets) {
            command.append(" --set ").append(shellWord(set));
        }
        if (parallel != 1) {
            command.append(" --parallel ").append(parallel);
        }
        if (saveModels) {
            command.append(" --save-models");
        }
        return command.append(" --out ").append(shellWord(dir.toString())).append(" --resume").toString();
    }

    /** {@code word} as one POSIX shell word: unchanged when safe, else in single quotes. */
    static String shellWord(String word) {
        return !word.isEmpty() && word.matches("[A-Za-z0-9_./:=,+@%-]+") ? word
                : "'" + word.replace("'", "'\\''") + "'";
    }

    private ExperimentSpec readSpec(List<String> overrides) throws IOException {
        if (specFile != null) {
            return SpecReader.read(specFile, overrides);
        }
        try (InputStream in = RunCommand.class.getClassLoader().getResourceAsStream(QUICKSTART)) {
            if (in == null) {
                throw new IOException(QUICKSTART + " is missing from the application; rebuild with ./mvnw package");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SpecReader.read(text, QUICKSTART, false, "quickstart", null, overrides);
        }
    }

    private Path outputDirectory(ExperimentSpec spec) {
        if (out != null) {
            return out;
        }
        if (resume) {
            throw new UserError("--resume needs --out DIR: the directory of the run to continue");
        }
        String parent = ConfigProvider.getConfig().getOptionalValue("bloomfit.out", String.class).orElse("runs");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(parent, spec.name() + "-" + stamp);
    }

    /** {@code bloomfit.set} (env {@code BLOOMFIT_SET}): comma-separated overrides outside brackets. */
    static List<String> environmentOverrides() {
        String value = ConfigProvider.getConfig().getOptionalValue("bloomfit.set", String.class).orElse("");
        List<String> result = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                result.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        result.add(current.toString().trim());
        return Arrays.stream(result.toArray(String[]::new)).filter(s -> !s.isEmpty()).toList();
    }
}
