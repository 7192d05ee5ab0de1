package io.bloomfit.bench.eval;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.eval.EvaluationResult;
import io.bloomfit.eval.Evaluator;

/**
 * End-to-end timing of full-ranking evaluation (MRR, P/R/NDCG/HR@10, AUC over ALL items, train items excluded) on
 * {@code synthetic-large} (100,000 users x 50,000 items) with a {@link DotProductModel} of dimension 32: the speed goal
 * is under 60 s on 2 cores. One run takes tens of seconds, so this is a main (repeat it with {@code runs}) rather
 * than a JMH benchmark; the per-user kernel has a JMH benchmark in {@link UserRankingBenchmark}.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.bloomfit.bench.eval.FullRankingEvaluation
 * [threads=2] [dim=32] [runs=1] [preset=synthetic-large] [batch=256]}. The factors are random (not trained): the
 * metric values are meaningless here, only the time counts.
 */
public final class FullRankingEvaluation {

    private FullRankingEvaluation() {
    }

    public static void main(String[] args) {
        int threads = 2;
        int dim = 32;
        int runs = 1;
        int batch = Evaluator.DEFAULT_BATCH_USERS;
        String preset = "synthetic-large";
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "dim" -> dim = Integer.parseInt(kv[1]);
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "batch" -> batch = Integer.parseInt(kv[1]);
                case "preset" -> preset = kv[1];
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; use threads=, dim=, runs=, batch=, preset=");
            }
        }
        long t0 = System.nanoTime();
        Dataset data = SyntheticDatasets.preset(preset);
        long t1 = System.nanoTime();
        Split split = SplitSpec.random(0.2, 42).apply(data.interactions());
        long t2 = System.nanoTime();
        DotProductModel model = DotProductModel.random(data.numUsers(), data.numItems(), dim, 7);
        System.out.printf("%s generated in %.2f s, split in %.2f s (%s)%n", data.describe(), (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, split.summary());
        System.out.printf("JVM %s, %d available processors, evaluator threads %d, dim %d, batch %d%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), threads, dim, batch);
        Evaluator evaluator = new Evaluator().withThreads(threads).withBatchUsers(batch);
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            double load = os.getSystemLoadAverage();
            long cpu0 = processCpuNanos(os);
            EvaluationResult result = evaluator.evaluate(model, split.train(), split.test());
            long cpu1 = processCpuNanos(os);
            System.out.printf("run %d: %.1f s wall, %.1f s process CPU (load average before: %.1f)  %s%n", r + 1,
                    result.seconds(), (cpu1 - cpu0) / 1e9, load, result.summary());
        }
    }

    /** CPU time of the whole JVM (all threads): on a shared machine, CPU seconds / threads bounds the wall time. */
    private static long processCpuNanos(java.lang.management.OperatingSystemMXBean os) {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
