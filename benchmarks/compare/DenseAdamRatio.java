import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.Trainers;
import io.bloomfit.bench.train.TrainBenchmark;
import io.bloomfit.data.SyntheticDatasets;

/**
 * Not compiled by the build: a single-file program run against the packaged CLI's class path (docs/benchmarks.md,
 * "hogwild"). Dense Adam epochs of synthetic-large's training part (the same seeded 80/20 prefix as
 * TrainBenchmark large), plain against Bloom 0.2 k=4 (murmur3_32), for each trainer named in the arguments, in
 * turn, in one JVM: the first N steps of the epoch (args: steps for plain, steps for bloom, then trainer names),
 * extrapolated to the 3,907-step epoch by TrainBenchmark.epoch. Threads: the JVM's common pool parallelism + 1
 * for cpu (-Djava.util.concurrent.ForkJoinPool.common.parallelism), -Dai.djl.pytorch.num_threads for djl.
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
}
