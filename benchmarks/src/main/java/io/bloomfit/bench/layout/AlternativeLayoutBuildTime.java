package io.bloomfit.bench.layout;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Wall-clock and process CPU time of building the layouts of the alternatives to Bloom embeddings next
 * to {@code bloom}: 10 million entities, ratio 0.2, k = 4, murmur3_32, dimension 32. {@code bloom-hybrid} gets
 * Zipf-like training counts (count of entity e is {@code 10^6 / (1 + rank)} for a seeded random rank), so its time
 * includes ranking 10 million entities. {@code dhe}'s layout is only the network's shape and seeds (its features
 * are hashed per step), so its build time is not comparable work. Run:
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar io.bloomfit.bench.layout.AlternativeLayoutBuildTime
 * [entities] [repetitions] [compressor...]}.
 */
public final class AlternativeLayoutBuildTime {

    private AlternativeLayoutBuildTime() {
    }

    public static void main(String[] args) {
        int entities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] compressors = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"bloom", "hash-embedding", "robe", "dhe", "bloom-hybrid"};
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int[] counts = zipfCounts(entities, 42);
        System.out.printf(Locale.ROOT, "cores %d, entities %d, ratio 0.2, k 4, murmur3_32; best of %d after one "
                + "warm-up%n", Runtime.getRuntime().availableProcessors(), entities, repetitions);
        for (String name : compressors) {
            EmbeddingCompressor compressor = EmbeddingCompressors.forName(name);
            LayoutRequest plain = new LayoutRequest(entities, 32, 0.2, 4, "murmur3_32", 42);
            LayoutRequest request = compressor.usesTrainingCounts() ? plain.withTrainingCounts(counts) : plain;
            EmbeddingLayout layout = EmbeddingCompressors.layout(compressor, request);
            double bestWall = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            for (int r = 0; r < repetitions; r++) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                layout = EmbeddingCompressors.layout(compressor, request);
                bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / 1e6);
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu0) / 1e6);
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.0f |%n", name, layout.totalRows(),
                    layout.parameterCount(32), bestWall, bestCpu);
        }
    }

    private static int[] zipfCounts(int n, long seed) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        int[] counts = new int[n];
        for (int e = 0; e < n; e++) {
            counts[e] = (int) (1_000_000L / (1 + rank[e]));
        }
        return counts;
    }
}
