package io.bloomfit.bench.layout;


import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall-clock and process CPU time of building a {@code bloom} layout (10 million entities, k = 4) and of its
 * collision statistics, per hash function.
 *
 * <p>Why besides JMH: on a machine shared with other work, wall time measures the neighbours. The process CPU
 * time of one build divided by the cores used is what the build costs on idle cores. Run:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.bloomfit.bench.layout.LayoutBuildCpuTime
 * [entities] [k] [repetitions] [hash...]}.
 */
public final class LayoutBuildCpuTime {

    private LayoutBuildCpuTime() {
    }

    public static void main(String[] args) {
        int entities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String[] hashes = args.length > 3 ? java.util.Arrays.copyOfRange(args, 3, args.length)
                : new String[] {"xxh3", "xxh64", "murmur3_32"};
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EmbeddingCompressor bloom = EmbeddingCompressors.forName("bloom");
        System.out.printf(Locale.ROOT, "cores %d, entities %d, k %d; best of %d after one warm-up%n",
                Runtime.getRuntime().availableProcessors(), entities, k, repetitions);
        for (String hash : hashes) {
            LayoutRequest request = new LayoutRequest(entities, 32, 0.1, k, hash, 42);
            double bestWall = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            EmbeddingLayout layout = EmbeddingCompressors.layout(bloom, request);
            for (int r = 0; r < repetitions; r++) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                layout = EmbeddingCompressors.layout(bloom, request);
                bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / 1e6);
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu0) / 1e6);
            }
            System.out.printf(Locale.ROOT, "build %-12s wall %7.0f ms  cpu %7.0f ms%n", hash, bestWall, bestCpu);
            if (hash.equals(hashes[0])) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                CollisionStats stats = CollisionStats.of(layout);
                System.out.printf(Locale.ROOT,
                        "collisionStats (%s, first call) wall %7.0f ms  cpu %7.0f ms  shared %d%n",
                        hash, (System.nanoTime() - wall0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6,
                        stats.entitiesSharingSignature());
            }
        }
    }
}
