package io.bloomfit.cli;

import io.bloomfit.data.SplitSpec;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.bench.train.RowAccessProbe;
import io.bloomfit.bench.train.TrainBenchmark;
import io.bloomfit.data.Dataset;
import io.bloomfit.eval.EvaluationResult;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.experiment.DatasetFormat;
import io.bloomfit.experiment.DatasetPreparer;
import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.TrainerWarmUp;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.HashFunctions;
import io.bloomfit.host.Trainers;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bloomfit bench hashes|layout|train|eval}: the quick measurements quoted in {@code docs/benchmarks.md}.
 * Not JMH: each prints the best of a few timed repetitions after a warm-up, good to a few percent on an idle
 * machine (the JMH suite in {@code benchmarks/} is the careful version). {@code train} times its fits with
 * {@link TrainBenchmark#time}, the measuring path of the training tables in {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures hash speed, layout build time, training seconds per epoch or evaluation time.",
            "  hashes: ns per hash of every hash function (--count keys)",
            "  layout: seconds to build a layout (--compressor, --hash, --entities, --ratio, --hashes)",
            "  train:  seconds per epoch, plain vs --compressor at --ratio on --dataset (BPR, dim 32, batch 1024),",
            "          with each --trainer (djl, cpu, hogwild; a comma list runs them side by side) on each",
            "          --threads count, samples/s, and a random row-access probe for the share of that limit",
            "  eval:   seconds to evaluate a plain model on --dataset (all items ranked, train items excluded)"},
        footer = {"", ExitCodes.HELP})
public class BenchCommand implements Callable<Integer> {

    enum What { hashes, layout, train, eval }

    @Parameters(index = "0", paramLabel = "WHAT", description = "hashes | layout | train | eval")
    What what;

    @Option(names = "--count", defaultValue = "10000000", description = "keys hashed per function (default 10M)")
    int count;

    @Option(names = {"-c", "--compressor"}, defaultValue = "bloom", description = "compressor (default bloom)")
    String compressor;

    @Option(names = {"-f", "--hash"}, defaultValue = "xxh64", description = "hash function (default xxh64)")
    String hash;

    @Option(names = {"-n", "--entities"}, defaultValue = "10000000", description = "entities (default 10M)")
    int entities;

    @Option(names = {"-r", "--ratio"}, defaultValue = "0.2", description = "ratio (default 0.2)")
    double ratio;

    @Option(names = {"-k", "--hashes"}, defaultValue = "4", description = "k (default 4)")
    int hashes;

    @Option(names = "--dataset", defaultValue = "synthetic-ml100k",
            description = "synthetic preset or ratings file (default synthetic-ml100k)")
    String dataset;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "format of a --dataset file: auto (default: from the name, else the first line) | "
                    + "movielens | csv")
    String format;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam | sparse-adam | ... (default adam)")
    String optimizer;

    @Option(names = "--epochs", defaultValue = "1", description = "epochs per fit (default 1)")
    int epochs;

    @Option(names = "--trainer", defaultValue = "djl", paramLabel = "NAME",
            description = "trainer for train and eval: djl | cpu | hogwild | ... (default djl); train takes a comma "
                    + "list, e.g. hogwild,cpu,djl")
    String trainerName;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N[,N...]",
            description = "train: trainer threads per fit, a comma list (default 0: the trainer's choice)")
    String threadCounts;

    @Option(names = "--learning-rate", defaultValue = "0.01", description = "train: learning rate (default 0.01)")
    double learningRate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case hashes -> hashes(out);
            case layout -> layout(out);
            case train -> train(out);
            case eval -> eval(out);
            default -> throw new IllegalStateException();
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void hashes(PrintWriter out) {
        if (count < 1) {
            throw new UserError("--count " + count + ": the number of keys hashed per function must be at least 1 "
                    + "(default 10000000)");
        }
        out.println("function  ns/hash  (" + count + " keys, best of 3)");
        for (String name : HashFunctions.available()) {
            HashFunction f = HashFunctions.forName(name);
            long sink = 0;
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 4; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    sink += f.hash(i, 42);
                }
                double ns = (double) (System.nanoTime() - t0) / count;
                if (rep > 0) {
                    best = Math.min(best, ns);
                }
            }
            out.println(String.format(Locale.ROOT, "%-12s %7.2f%s", name, best, sink == 42 ? " " : ""));
            out.flush();
        }
    }

    private void layout(PrintWriter out) {
        LayoutRequest request = new LayoutRequest(entities, 32, ratio, hashes, hash, 1L);
        double best = Double.MAX_VALUE;
        EmbeddingLayout layout = null;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            layout = EmbeddingCompressors.layout(compressor, request);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        out.println(String.format(Locale.ROOT, "%s %s: %,d entities, ratio %s, k %d -> %,d rows: %.3f s (best of 3, "
                + "%d cores)", compressor, hash, entities, ratio, hashes, layout.totalRows(), best,
                Runtime.getRuntime().availableProcessors()));
    }

    private ExperimentData data() {
        DatasetPreparer.Described described = DatasetPreparer.describe(dataset, DatasetFormat.fromName(format));
        spec.commandLine().getErr().println("dataset " + dataset + ": " + described.format());
        return DatasetPreparer.prepare(described.spec(), SplitSpec.random(0.2, 42)).data();
    }

    private ModelSpec model() {
        return model(0);
    }

    private ModelSpec model(int threads) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32, false,
                NetworkSpec.defaults()),
                new Optimization(OptimizerKind.fromSpec(optimizer), learningRate, 0, epochs, 1024,
                        Negatives.uniform(5), 1),
                new TrainerSettings(DeviceChoice.CPU, threads, PluginOptions.NONE));
    }

    /** The trainer of {@code --trainer}, after checking that it can fit {@link #model()}. */
    private Trainer trainer() {
        return trainer(trainerName);
    }

    private Trainer trainer(String name) {
        Trainer trainer = Trainers.forName(name);
        var problems = trainer.capabilities().problemsWith(model(), name);
        if (!problems.isEmpty()) {
            throw new UserError("--trainer " + name + " --optimizer " + optimizer + ": " + problems.stream()
                    .map(problem -> problem.message()).collect(java.util.stream.Collectors.joining("; ")));
        }
        return trainer;
    }

    private int[] threads() {
        try {
            int[] counts = java.util.Arrays.stream(threadCounts.split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray();
            for (int c : counts) {
                if (c < 0) {
                    throw new NumberFormatException();
                }
            }
            return counts;
        } catch (NumberFormatException e) {
            throw new UserError("--threads " + threadCounts + ": expected thread counts >= 0 separated by commas, "
                    + "e.g. --threads 1,2");
        }
    }

    private void train(PrintWriter out) {
        java.util.List<Trainer> trainers = new java.util.ArrayList<>();
        for (String name : trainerName.split(",")) {
            trainers.add(trainer(name.trim()));
        }
        int[] threads = threads();
        ExperimentData data = data();
        out.println("data: " + data.description());
        int users = data.train().numUsers();
        int items = data.train().numItems();
        // the machine's limit: random 32-float row updates in a table the size of the plain model's vectors
        double[] rowsPerSecond = new double[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int probeThreads = threads[t] > 0 ? threads[t] : Runtime.getRuntime().availableProcessors();
            RowAccessProbe.Result probe = RowAccessProbe.measure(users + items, 32, probeThreads, 2_000_000, 7);
            rowsPerSecond[t] = probe.rowsPerSecond();
            out.println(probe.format());
        }
        out.flush();
        for (Trainer trainer : trainers) {
            TrainerWarmUp.run(trainer, model(), data.train(), EmbeddingCompressors.forName("plain"));
            for (int t = 0; t < threads.length; t++) {
                for (String c : new String[] {"plain", compressor}) {
                    var compress = EmbeddingCompressors.forName(c);
                    LayoutRequest userRequest = c.equals("plain") ? LayoutRequest.plain(users, 32)
                            : new LayoutRequest(users, 32, ratio, hashes, hash, 1);
                    LayoutRequest itemRequest = c.equals("plain") ? LayoutRequest.plain(items, 32)
                            : new LayoutRequest(items, 32, ratio, hashes, hash, 1);
                    EmbeddingLayout u = EmbeddingCompressors.layout(compress, userRequest);
                    EmbeddingLayout i = EmbeddingCompressors.layout(compress, itemRequest);
                    TrainBenchmark.Timing timing = TrainBenchmark.time(trainer, new FitRequest(model(threads[t]),
                            data.train(), u, i), 0);
                    StringBuilder s = new StringBuilder();
                    for (double v : timing.report().secondsPerEpoch()) {
                        s.append(String.format(Locale.ROOT, " %.3f", v));
                    }
                    out.println(String.format(Locale.ROOT, "%s%s: seconds/epoch%s (%s, %d threads, %s)", c,
                            c.equals("plain") ? "" : " " + hash + " r=" + ratio + " k=" + hashes, s,
                            timing.report().device(), timing.report().threads(), optimizer));
                    out.println(String.format(Locale.ROOT, "  trainer %s: process CPU s/epoch %.3f over %d steps",
                            trainer.name(), timing.cpuSeconds() / epochs, timing.stepsTimed()));
                    double samples = data.train().size() * epochs / timing.report().fitSeconds();
                    // a BPR example updates three vector rows: its user's, its positive's and its negative's
                    out.println(String.format(Locale.ROOT, "  samples/s %,.0f: %.0f%% of the row probe's limit "
                            + "(%,.0f examples/s at 3 row updates each)", samples,
                            100 * samples * 3 / rowsPerSecond[t], rowsPerSecond[t] / 3));
                    out.flush();
                }
            }
        }
    }

    private void eval(PrintWriter out) {
        ExperimentData data = data();
        int users = data.train().numUsers();
        int items = data.train().numItems();
        var plain = EmbeddingCompressors.forName("plain");
        try (TrainedModel m = trainer().fit(new FitRequest(model(), data.train(),
                EmbeddingCompressors.layout(plain, LayoutRequest.plain(users, 32)),
                EmbeddingCompressors.layout(plain, LayoutRequest.plain(items, 32))),
                TrainingListener.NONE)) {
            EvaluationResult r = new Evaluator().evaluate(m, data.train(), data.test());
            out.println(String.format(Locale.ROOT, "eval: %.3f s for %d users x %d items (%d cores); %s", r.seconds(),
                    r.usersEvaluated(), items, Runtime.getRuntime().availableProcessors(), r.summary()));
        }
    }
}
