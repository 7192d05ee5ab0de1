package io.bloomfit.bench.train;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitReport;
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
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.djl.DjlTrainer;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.Trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training speed of a trainer ({@code djl} unless named), for {@code docs/benchmarks.md} and the CLI's
 * {@code bloomfit bench train}. Every fit is timed by {@link #time}, the one measuring path (the CLI calls it
 * too). Two measurements:
 * <ul>
 *   <li>{@link #stepTimes}: milliseconds per BPR step against the number of rows of the item table, dense
 *       Adam against sparse Adam (the cost Bloom embeddings remove, and the cost row-sparse updates avoid);</li>
 *   <li>{@link #epoch}: seconds per epoch of a dataset with a given layout and optimizer, measured on a fixed
 *       number of steps and extrapolated to the full epoch when {@code maxSteps} is smaller than an epoch.</li>
 * </ul>
 * Timings cover training steps only (not table initialisation). Thread counts are whatever the engine runs with
 * ({@code -Dai.djl.pytorch.num_threads}); each row reports them.
 */
public final class TrainBenchmark {

    private TrainBenchmark() {
    }

    /**
     * What {@link #time} measured: the fit's own report (seconds and loss per epoch, device, threads), and the
     * steps after the warm-up timed by the listener, wall and whole-process CPU seconds.
     */
    public record Timing(FitReport report, long stepsTimed, double seconds, double cpuSeconds) {
    }

    /**
     * Fits {@code request} with {@code trainer}, timing every step after the first {@code warmupSteps} of the
     * first epoch (0: from the first step), and closes the model. The one place fits are timed, for this class's
     * tables and for {@code bloomfit bench train}.
     */
    public static Timing time(Trainer trainer, FitRequest request, int warmupSteps) {
        StepClock clock = new StepClock(warmupSteps);
        try (TrainedModel model = trainer.fit(request, clock)) {
            return new Timing(model.report(), clock.timed, clock.measuredSeconds(), clock.measuredCpuSeconds());
        }
    }

    /** One row of the step-time table. */
    public record StepTime(int itemRows, int userRows, String optimizer, int batchSize, int dimension, int steps,
                           double msPerStep, double cpuMsPerStep, String device, int threads) {

        public String format() {
            return String.format(Locale.ROOT, "| %,d | %s | %d | %d | %d | %.2f | %.2f | %s, %d threads |", itemRows,
                    optimizer, batchSize, dimension, steps, msPerStep, cpuMsPerStep, device, threads);
        }
    }

    /** One row of the epoch table. */
    public record EpochTime(String dataset, String compressor, double ratio, int numHashes, String optimizer,
                            long interactions, long stepsPerEpoch, long stepsMeasured, double secondsPerEpoch,
                            double cpuSecondsPerEpoch, boolean extrapolated, long parameters, String device,
                            int threads) {

        public String format() {
            return String.format(Locale.ROOT, "| %s | %s | %.2f | %d | %s | %,d | %,d | %.1f | %.1f | %s | %,d "
                            + "| %s, %d threads |", dataset, compressor, ratio, numHashes, optimizer, interactions,
                    stepsMeasured, secondsPerEpoch, cpuSecondsPerEpoch, extrapolated ? "extrapolated" : "full epoch",
                    parameters, device, threads);
        }
    }

    /**
     * Milliseconds per step of BPR training with an item table of each of {@code itemRows} rows (plain layout)
     * and a user table of {@code userRows} rows, for each optimizer. Each point trains one epoch of
     * {@code warmupSteps + steps} steps on uniformly random interactions and times the last {@code steps}.
     */
    public static List<StepTime> stepTimes(int[] itemRows, int userRows, List<OptimizerKind> optimizers,
                                           int batchSize, int dimension, int warmupSteps, int steps, long seed) {
        return stepTimes(new DjlTrainer(), itemRows, userRows, optimizers, batchSize, dimension, warmupSteps, steps,
                seed);
    }

    /** {@link #stepTimes(int[], int, List, int, int, int, int, long)} with {@code trainer}. */
    public static List<StepTime> stepTimes(Trainer trainer, int[] itemRows, int userRows,
                                           List<OptimizerKind> optimizers, int batchSize, int dimension,
                                           int warmupSteps, int steps, long seed) {
        List<StepTime> rows = new ArrayList<>();
        for (int items : itemRows) {
            Interactions train = uniformPairs(userRows, items, batchSize * (warmupSteps + steps), seed);
            for (OptimizerKind optimizer : optimizers) {
                ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR,
                        dimension, false, NetworkSpec.defaults()),
                        new Optimization(optimizer, 1e-3, 0.0, 1, batchSize, Negatives.uniform(5), seed),
                        new TrainerSettings(DeviceChoice.AUTO, 0, PluginOptions.NONE));
                FitRequest request = new FitRequest(spec, train, plain(userRows, dimension), plain(items, dimension));
                Timing t = time(trainer, request, warmupSteps);
                rows.add(new StepTime(items, userRows, optimizer.specName(), batchSize, dimension, steps,
                        t.seconds() * 1000 / steps, t.cpuSeconds() * 1000 / steps, t.report().device(),
                        t.report().threads()));
            }
        }
        return rows;
    }

    /**
     * Seconds per epoch of BPR training on {@code train} with {@code compressor} layouts on both sides. When
     * {@code maxSteps} is below the steps of an epoch, trains on the first {@code maxSteps * batchSize}
     * interactions of a seeded shuffle (same table sizes) and extrapolates linearly.
     */
    public static EpochTime epoch(String dataset, Interactions train, String compressor, double ratio, int numHashes,
                                  String hashFunction, OptimizerKind optimizer, int batchSize, int dimension,
                                  long maxSteps, long seed) {
        return epoch(new DjlTrainer(), dataset, train, compressor, ratio, numHashes, hashFunction, optimizer,
                batchSize, dimension, maxSteps, seed);
    }

    /** {@link #epoch(String, Interactions, String, double, int, String, OptimizerKind, int, int, long, long)} with {@code trainer}. */
    public static EpochTime epoch(Trainer trainer, String dataset, Interactions train, String compressor,
                                  double ratio, int numHashes, String hashFunction, OptimizerKind optimizer,
                                  int batchSize, int dimension, long maxSteps, long seed) {
        long fullSteps = (train.size() + (long) batchSize - 1) / batchSize;
        Interactions used = train;
        boolean extrapolated = maxSteps < fullSteps;
        if (extrapolated) {
            used = train.select(shuffledPrefix(train.size(), (int) (maxSteps * batchSize), seed));
        }
        EmbeddingLayout users = layout(compressor, new LayoutRequest(train.numUsers(), dimension, ratio, numHashes,
                hashFunction, seed + 1), train.userCounts());
        EmbeddingLayout items = layout(compressor, new LayoutRequest(train.numItems(), dimension, ratio, numHashes,
                hashFunction, seed + 2), train.itemCounts());
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, dimension,
                        false, NetworkSpec.defaults()),
                new Optimization(optimizer, 1e-3, 0.0, 1, batchSize, Negatives.uniform(5), seed),
                new TrainerSettings(DeviceChoice.AUTO, 0, PluginOptions.NONE));
        Timing t = time(trainer, new FitRequest(spec, used, users, items), 0);
        FitReport report = t.report();
        long measured = (used.size() + (long) batchSize - 1) / batchSize;
        double seconds = report.secondsPerEpoch()[0] * fullSteps / measured;
        double cpuSeconds = t.cpuSeconds() * fullSteps / measured;
        return new EpochTime(dataset, compressor, ratio, numHashes, optimizer.specName(), train.size(),
                fullSteps, measured, seconds, cpuSeconds, extrapolated, report.parameters(), report.device(),
                report.threads());
    }

    /** One row of the scoring table. */
    public record ScoringTime(int users, int items, int dimension, int batchUsers, int usersScored, double seconds,
                              double cpuSeconds) {

        /** Projected seconds to score every user against every item on one thread. */
        public double projectedSecondsAllUsers() {
            return cpuSeconds * users / usersScored;
        }

        public String format() {
            return String.format(Locale.ROOT, "| %,d x %,d | %d | %d | %,d | %.2f | %.2f | %.1f |", users, items,
                    dimension, batchUsers, usersScored, seconds, cpuSeconds, projectedSecondsAllUsers());
        }
    }

    /**
     * Time of {@link TrainedModel#scoreAll} on one thread for a plain model of {@code users x items} (trained
     * one step, so the parameters are realistic Gaussian values), scoring {@code usersScored} users in batches
     * of {@code batchUsers}.
     */
    public static ScoringTime scoring(int users, int items, int dimension, int batchUsers, int usersScored,
                                      long seed) {
        return scoring(new DjlTrainer(), users, items, dimension, batchUsers, usersScored, seed);
    }

    /** {@link #scoring(int, int, int, int, int, long)} of a model of {@code trainer}. */
    public static ScoringTime scoring(Trainer trainer, int users, int items, int dimension, int batchUsers,
                                      int usersScored, long seed) {
        int n = 1024;
        Interactions train = uniformPairs(users, items, n, seed);
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, dimension,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 1e-3, 0.0, 1, n, Negatives.uniform(5), seed),
                new TrainerSettings(DeviceChoice.CPU, 0, PluginOptions.NONE));
        try (TrainedModel model = trainer.fit(new FitRequest(spec, train, plain(users, dimension),
                plain(items, dimension)), TrainingListener.NONE)) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            int[] batch = new int[batchUsers];
            for (int warm = 0; warm < 3; warm++) {
                model.scoreAll(batch);
            }
            long cpu = mx.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            double sink = 0;
            for (int from = 0; from < usersScored; from += batchUsers) {
                for (int i = 0; i < batchUsers; i++) {
                    batch[i] = (from + i) % users;
                }
                sink += model.scoreAll(batch)[0][0];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("NaN scores");
            }
            int scored = (usersScored + batchUsers - 1) / batchUsers * batchUsers;
            return new ScoringTime(users, items, dimension, batchUsers, scored, seconds, cpuSeconds);
        }
    }

    /**
     * Seconds per epoch on the training part of {@code synthetic-large} with sparse-adam for plain, bloom and the
     * alternatives (ratio 0.2, k 4, murmur3_32), each timed on {@code steps} steps (a fraction of the epoch's 3,907)
     * and extrapolated; {@code dhe} trains through autograd.
     */
    private static void alternatives(Trainer trainer, long steps, java.io.PrintStream out) {
        Interactions all = SyntheticDatasets.preset("synthetic-large").interactions();
        Interactions large = all.select(shuffledPrefix(all.size(), (int) Math.round(all.size() * 0.8), 42));
        out.println("| dataset | compressor | ratio | k | optimizer | train interactions | steps timed "
                + "| wall s/epoch | process CPU s/epoch | how | parameters | device |");
        out.println("|---|---|---:|---:|---|---:|---:|---:|---:|---|---:|---|");
        out.println(epoch(trainer, "synthetic-large", large, "plain", 1.0, 1, null, OptimizerKind.SPARSE_ADAM,
                1024, 32, steps, 7).format());
        for (String compressor : List.of("bloom", "hash-embedding", "robe", "bloom-hybrid", "dhe")) {
            out.println(epoch(trainer, "synthetic-large", large, compressor, 0.2, 4, "murmur3_32",
                    OptimizerKind.SPARSE_ADAM, 1024, 32, steps, 7).format());
            out.flush();
        }
    }

    private static int[] shuffledPrefix(int n, int count, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, count);
    }

    /** The layout of {@code request}, with the (whole) training part's counts for compressors that use them. */
    private static EmbeddingLayout layout(String name, LayoutRequest request, int[] trainingCounts) {
        var compressor = EmbeddingCompressors.forName(name);
        return EmbeddingCompressors.layout(compressor,
                compressor.usesTrainingCounts() ? request.withTrainingCounts(trainingCounts) : request);
    }

    private static EmbeddingLayout plain(int n, int dimension) {
        return EmbeddingCompressors.layout("plain", LayoutRequest.plain(n, dimension));
    }

    /**
     * Times the steps after a warm-up: wall clock, and the CPU time of the whole process (every thread: the
     * engine's, and the row threads of a fused sparse step; also the JIT's and the collector's, which is why
     * it is measured after a warm-up).
     */
    private static final class StepClock implements TrainingListener {
        private final int warmup;
        private long timed;
        private long start;
        private long end;
        private long cpuStart;
        private long cpuEnd;
        private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        StepClock(int warmup) {
            this.warmup = warmup;
        }

        @Override
        public void epochStarted(int epoch, int epochs, long steps) {
            if (epoch == 1) {
                start = System.nanoTime();
                cpuStart = os.getProcessCpuTime();
            }
        }

        @Override
        public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
            if (epoch == 1 && step == warmup) {
                start = System.nanoTime();
                cpuStart = os.getProcessCpuTime();
                timed = 0;
            } else {
                timed++;
            }
            end = System.nanoTime();
            cpuEnd = os.getProcessCpuTime();
        }

        double measuredCpuSeconds() {
            return (cpuEnd - cpuStart) / 1e9;
        }

        double measuredSeconds() {
            return (end - start) / 1e9;
        }
    }

    /**
     * Runs the benchmarks of docs/benchmarks.md and prints markdown rows. Arguments: {@code steps} (step-time
     * table only, rows as a comma list, default 10000,100000,1000000,5000000), {@code large} (synthetic-large
     * epochs; then the dense runs' step budget, default 200), {@code scoring}, or {@code all}; anywhere,
     * {@code --trainer NAME} (default {@code djl}) picks the trainer, whose optimizers decide which rows run (the
     * {@code cpu} trainer has no dense {@code adam}).
     */
    public static void main(String[] args) {
        run(args, System.out);
    }

    /**
     * The tables of {@link #main} (same arguments), markdown rows to {@code out}. Fits run one at a time (the
     * {@code djl} trainer serialises fits in a JVM).
     */
    public static void run(String[] arguments, java.io.PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(arguments));
        String trainerName = DjlTrainer.NAME;
        int flag = rest.indexOf("--trainer");
        if (flag >= 0) {
            if (flag + 1 >= rest.size()) {
                throw new IllegalArgumentException("bench train: --trainer needs a name, e.g. --trainer cpu");
            }
            trainerName = rest.get(flag + 1);
            rest.subList(flag, flag + 2).clear();
        }
        Trainer trainer = Trainers.forName(trainerName);
        boolean dense = trainer.capabilities().optimizers().contains(OptimizerKind.ADAM);
        String[] args = rest.toArray(String[]::new);
        String what = args.length > 0 ? args[0] : "all";
        if (!List.of("steps", "large", "scoring", "alternatives", "all").contains(what)) {
            throw new IllegalArgumentException("bench train: unknown mode '" + what
                    + "'; expected steps [rows,...], large [dense steps], scoring, alternatives [steps] or all");
        }
        if (what.equals("steps") || what.equals("all")) {
            int[] rows = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt)
                    .toArray() : new int[] {10_000, 100_000, 1_000_000, 5_000_000};
            out.println("| item rows | optimizer | batch | dim | steps timed | wall ms/step "
                    + "| process CPU ms/step | device |");
            out.println("|---:|---|---:|---:|---:|---:|---:|---|");
            for (int r : rows) {
                int steps = r >= 1_000_000 ? 3 : 20;
                for (OptimizerKind o : dense ? List.of(OptimizerKind.ADAM, OptimizerKind.SPARSE_ADAM)
                        : List.of(OptimizerKind.SPARSE_ADAM)) {
                    // a sparse step is Java code: give the JIT a few hundred steps before timing
                    boolean isDense = o == OptimizerKind.ADAM;
                    out.println(stepTimes(trainer, new int[] {r}, 10_000, List.of(o), 1024, 32, isDense ? 2 : 300,
                            isDense ? steps : 100, 7).get(0).format());
                }
            }
        }
        if (what.equals("scoring") || what.equals("all")) {
            out.println("| users x items | dim | batch users | users scored | wall s | thread CPU s "
                    + "| projected CPU s, all users |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            out.println(scoring(trainer, 100_000, 50_000, 32, 256, 5_120, 7).format());
        }
        if (what.equals("alternatives")) {
            alternatives(trainer, args.length > 1 ? Long.parseLong(args[1]) : 400, out);
        }
        if (what.equals("large") || what.equals("all")) {
            long maxDenseSteps = args.length > 1 && what.equals("large") ? Long.parseLong(args[1]) : 200;
            Interactions all = SyntheticDatasets.preset("synthetic-large").interactions();
            // the training part of a seeded random 80/20 split: 4M interactions
            Interactions large = all.select(shuffledPrefix(all.size(), (int) Math.round(all.size() * 0.8), 42));
            out.println("| dataset | compressor | ratio | k | optimizer | train interactions | steps timed "
                    + "| wall s/epoch | process CPU s/epoch | how | parameters | device |");
            out.println("|---|---|---:|---:|---|---:|---:|---:|---:|---|---:|---|");
            out.println(epoch(trainer, "synthetic-large", large, "plain", 1.0, 1, null, OptimizerKind.SPARSE_ADAM,
                    1024, 32, Long.MAX_VALUE, 7).format());
            out.println(epoch(trainer, "synthetic-large", large, "bloom", 0.2, 4, "murmur3_32",
                    OptimizerKind.SPARSE_ADAM, 1024, 32, Long.MAX_VALUE, 7).format());
            if (dense) {
                out.println(epoch(trainer, "synthetic-large", large, "bloom", 0.2, 4, "murmur3_32",
                        OptimizerKind.ADAM, 1024, 32, maxDenseSteps, 7).format());
                out.println(epoch(trainer, "synthetic-large", large, "plain", 1.0, 1, null, OptimizerKind.ADAM,
                        1024, 32, maxDenseSteps, 7).format());
            }
        }
    }

    /** {@code n} (user, item) pairs drawn uniformly, seeded: the interactions a timing needs, nothing more. */
    private static Interactions uniformPairs(int users, int items, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] us = new int[n];
        int[] is = new int[n];
        for (int i = 0; i < n; i++) {
            us[i] = random.nextInt(users);
            is[i] = random.nextInt(items);
        }
        return new Interactions(users, items, us, is, null, null);
    }
}
