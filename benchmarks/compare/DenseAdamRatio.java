import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.host.Trainers;
import io.bloomfit.bench.train.TrainBenchmark;
import io.bloomfit.data.SyntheticDatasets;

/**
 * Not compiled by the build: a single-file program run against the packaged CLI's class path (docs/benchmarks.md,
 * "hogwild"). Dense Adam epochs of synthetic-large's training part (the same seeded 80/20 prefix as
 * TrainBenchmark large), plain against Bloom 0.2 k=4 (murmur3_32), for each trainer named in the arguments, in
 * turn, in one JVM: the first N steps of the epoch (args: steps for plain, steps for bloom, then trainer names),
 * extrapolated to the 3,907-step epoch by TrainBenchmark.epoch. Threads: the JVM's common pool parallelism + 1
 * for cpu (-Djava.util.concurrent.ForkJoinPool.common.parallelism; 0 still gives 2), -Dai.djl.pytorch.num_threads
 * for djl; a trainer name followed by ":N" (e.g. cpu:1) fits with trainer.threads N instead, timed the same way
 * (TrainBenchmark.time over the first N steps' interactions of a seeded shuffle).
 */
public class DenseAdamRatio {
    public static void main(String[] args) {
        long plainSteps = Long.parseLong(args[0]);
        long bloomSteps = Long.parseLong(args[1]);
        Interactions all = SyntheticDatasets.preset("synthetic-large").interactions();
        int n = all.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int train = (int) Math.round(n * 0.8);
        for (int i = 0; i < train; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Interactions large = all.select(java.util.Arrays.copyOf(order, train));
        for (int a = 2; a < args.length; a++) {
            if (args[a].contains(":")) {
                String[] nameThreads = args[a].split(":");
                withThreads(Trainers.forName(nameThreads[0]), Integer.parseInt(nameThreads[1]), large, plainSteps,
                        bloomSteps);
                continue;
            }
            var trainer = Trainers.forName(args[a]);
            TrainBenchmark.EpochTime plain = TrainBenchmark.epoch(trainer, "synthetic-large", large, "plain", 1.0, 1,
                    null, OptimizerKind.ADAM, 1024, 32, plainSteps, 7);
            TrainBenchmark.EpochTime bloom = TrainBenchmark.epoch(trainer, "synthetic-large", large, "bloom", 0.2, 4,
                    "murmur3_32", OptimizerKind.ADAM, 1024, 32, bloomSteps, 7);
            System.out.println(plain.format());
            System.out.println(bloom.format());
            System.out.printf("%s dense adam: plain %.1f s/epoch, bloom 0.2 k=4 %.1f s/epoch: bloom %.2fx faster%n",
                    args[a], plain.secondsPerEpoch(), bloom.secondsPerEpoch(),
                    plain.secondsPerEpoch() / bloom.secondsPerEpoch());
        }
    }

    private static void withThreads(io.bloomfit.api.train.Trainer trainer, int threads, Interactions large,
                                    long plainSteps, long bloomSteps) {
        double[] seconds = new double[2];
        double[] cpu = new double[2];
        String[] layouts = {"plain", "bloom"};
        for (int l = 0; l < 2; l++) {
            long steps = l == 0 ? plainSteps : bloomSteps;
            int[] order = new int[large.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            int count = (int) (steps * 1024);
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            Interactions used = large.select(java.util.Arrays.copyOf(order, count));
            var users = l == 0 ? io.bloomfit.host.EmbeddingCompressors.layout("plain",
                    io.bloomfit.api.embed.LayoutRequest.plain(large.numUsers(), 32))
                    : io.bloomfit.host.EmbeddingCompressors.layout("bloom", new io.bloomfit.api.embed.LayoutRequest(
                    large.numUsers(), 32, 0.2, 4, "murmur3_32", 8));
            var items = l == 0 ? io.bloomfit.host.EmbeddingCompressors.layout("plain",
                    io.bloomfit.api.embed.LayoutRequest.plain(large.numItems(), 32))
                    : io.bloomfit.host.EmbeddingCompressors.layout("bloom", new io.bloomfit.api.embed.LayoutRequest(
                    large.numItems(), 32, 0.2, 4, "murmur3_32", 9));
            var spec = new io.bloomfit.api.train.ModelSpec(io.bloomfit.api.train.ModelArchitecture.defaults()
                    .withLoss(io.bloomfit.api.train.Loss.BPR),
                    new io.bloomfit.api.train.Optimization(OptimizerKind.ADAM, 1e-3, 0.0, 1, 1024,
                            io.bloomfit.api.train.Negatives.uniform(5), 7),
                    io.bloomfit.api.train.TrainerSettings.defaults().withThreads(threads));
            TrainBenchmark.Timing t = TrainBenchmark.time(trainer, new io.bloomfit.api.train.FitRequest(spec, used,
                    users, items), 0);
            seconds[l] = t.report().secondsPerEpoch()[0] * 3907 / steps;
            cpu[l] = t.cpuSeconds() * 3907 / steps;
            System.out.printf("%s %s dense adam, %d threads (%s): %.1f wall s/epoch, %.1f process CPU s/epoch "
                    + "(%d steps, extrapolated)%n", trainer.name(), layouts[l], t.report().threads(),
                    t.report().device(), seconds[l], cpu[l], steps);
        }
        System.out.printf("%s dense adam, %d threads: bloom 0.2 k=4 %.2fx faster (wall), %.2fx (CPU)%n",
                trainer.name(), threads, seconds[0] / seconds[1], cpu[0] / cpu[1]);
    }
}
