package io.bloomfit.bench.network;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkActivation;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.bench.train.TrainBenchmark;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.djl.DjlTrainer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seconds per epoch of the Bloom network against m/d on {@code synthetic-large} (100,000 users, d = 50,000 items,
 * 5,000,000 interactions): hidden [256, 128], relu, no dropout, batch 256 users, dense Adam. An epoch is one step
 * per 256 users (391 steps); the benchmark trains {@code warmup + steps} steps on that many users drawn by a
 * seeded shuffle (the catalog, and so the layers, keep their full size), times the last {@code steps} and
 * extrapolates to the 391 steps of an epoch. Ratios run in the order given, each after its own warm-up; speedups
 * are relative to the first ratio given (1 = the uncompressed network). Wall-clock and whole-process CPU seconds
 * are both reported: on a loaded machine the CPU seconds are the steadier measure.
 *
 * <p>Usage: {@code NetworkEpochBenchmark [ratios=1,0.5,0.2,0.1] [warmup=2] [steps=8]}; prints a markdown table.
 */
public final class NetworkEpochBenchmark {

    private static final int BATCH = 256;
    private static final NetworkSpec LAYERS = new NetworkSpec(List.of(256, 128), NetworkActivation.RELU, 0.0);

    private NetworkEpochBenchmark() {
    }

    /** One row of the table. */
    public record Row(double ratio, int positions, long inputLayer, long outputLayer, long stepsTimed,
                      Timing perStep, String device) {

        String format(long stepsPerEpoch, Row plain) {
            return String.format(Locale.ROOT, "| %.1f | %,d | %,d | %,d | %d | %.3f | %.3f | %.1f | %.1f | %.2fx | "
                            + "%.2fx | %s |", ratio, positions, inputLayer, outputLayer, stepsTimed,
                    perStep.seconds(), perStep.cpuSeconds(), perStep.seconds() * stepsPerEpoch,
                    perStep.cpuSeconds() * stepsPerEpoch, plain.perStep().seconds() / perStep.seconds(),
                    plain.perStep().cpuSeconds() / perStep.cpuSeconds(), device);
        }
    }

    /**
     * Seconds of one step: wall clock, and CPU of the whole process (what the step costs whatever else the machine
     * runs).
     */
    public record Timing(double seconds, double cpuSeconds) {
    }

    /** Times every ratio (m/d) on {@code train}: bloom, xxh64, k = 3 (plain for ratio 1). */
    public static List<Row> run(Interactions train, double[] ratios, int warmup, int steps, long seed) {
        int users = BATCH * (warmup + steps);
        Interactions sample = train.select(interactionsOf(train, shuffledUsers(train.numUsers(), users, seed)));
        List<Row> rows = new ArrayList<>();
        for (double ratio : ratios) {
            boolean plain = ratio == 1.0;
            LayoutRequest request = plain ? LayoutRequest.plain(train.numItems(), 1)
                    : new LayoutRequest(train.numItems(), 1, ratio, 3, "xxh64", seed);
            EmbeddingLayout items = EmbeddingCompressors.layout(plain ? "plain" : "bloom", request);
            EmbeddingLayout userLayout = EmbeddingCompressors.layout("plain", LayoutRequest.plain(train.numUsers(),
                    1));
            ModelSpec spec = ModelSpec.defaults()
                    .withArchitecture(a -> a.withKind(ModelKind.BLOOM_NETWORK).withNetwork(LAYERS))
                    .withOptimization(o -> o.withEpochs(1).withBatchSize(BATCH).withLearningRate(1e-3)
                            .withOptimizer(OptimizerKind.ADAM).withSeed(seed))
                    .withTrainer(t -> t.withDevice(DeviceChoice.AUTO));
            TrainBenchmark.Timing t = TrainBenchmark.time(new DjlTrainer(), new FitRequest(spec, sample, userLayout,
                    items), warmup);
            int m = items.totalRows();
            rows.add(new Row(ratio, m, LAYERS.inputLayerParameters(m), LAYERS.outputLayerParameters(m),
                    t.stepsTimed(), new Timing(t.seconds() / t.stepsTimed(), t.cpuSeconds() / t.stepsTimed()),
                    t.report().device() + ", " + t.report().threads() + " threads"));
        }
        return rows;
    }

    public static void main(String[] args) {
        double[] ratios = args.length > 0 ? java.util.Arrays.stream(args[0].split(","))
                .mapToDouble(Double::parseDouble).toArray() : new double[] {1.0, 0.5, 0.2, 0.1};
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Interactions train = SyntheticDatasets.preset("synthetic-large").interactions();
        print(run(train, ratios, warmup, steps, 1L), (countActive(train) + BATCH - 1) / BATCH, System.out);
    }

    /** The markdown table; epochs are extrapolated from the timed steps, speedups relative to the first row. */
    static void print(List<Row> rows, long stepsPerEpoch, PrintStream out) {
        out.println("| m/d | m | input layer floats | output layer floats | steps timed | wall s/step | CPU s/step "
                + "| wall s/epoch | CPU s/epoch | wall speedup | CPU speedup | device |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(r -> out.println(r.format(stepsPerEpoch, rows.get(0))));
    }

    private static long countActive(Interactions train) {
        long active = 0;
        for (int c : train.userCounts()) {
            active += c > 0 ? 1 : 0;
        }
        return active;
    }

    private static boolean[] shuffledUsers(int numUsers, int count, long seed) {
        int[] order = new int[numUsers];
        for (int i = 0; i < numUsers; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] chosen = new boolean[numUsers];
        for (int i = 0; i < Math.min(count, numUsers); i++) {
            int j = i + random.nextInt(numUsers - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            chosen[order[i]] = true;
        }
        return chosen;
    }

    private static int[] interactionsOf(Interactions train, boolean[] users) {
        int n = 0;
        for (int i = 0; i < train.size(); i++) {
            n += users[train.user(i)] ? 1 : 0;
        }
        int[] indices = new int[n];
        int next = 0;
        for (int i = 0; i < train.size(); i++) {
            if (users[train.user(i)]) {
                indices[next++] = i;
            }
        }
        return indices;
    }
}
