package io.bloomfit.bench.hash;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * CPU nanoseconds per hash, from the measuring thread's own CPU time rather than wall-clock time.
 *
 * <p>Why beside the JMH benchmark: on a shared machine (the development box here has 2 cores and a load average of
 * 8-10) wall-clock scores mostly measure how long the thread waited for a core. Thread CPU time excludes that
 * waiting, so it stays close to what the hash costs on an idle core (cache and hyper-threading contention still
 * inflate it somewhat). Same loop as {@link HashFunctionBenchmark}: random long keys, four rotating seeds, results
 * folded into one value that is printed so the JIT cannot drop the work. Run one function per JVM, so the call
 * site stays monomorphic as in a layout build; see docs/benchmarks.md, "Hash functions".
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.bloomfit.bench.hash.HashCpuTimeBenchmark <function> [rounds]}.
 */
public final class HashCpuTimeBenchmark {

    private static final int KEYS = 1024;
    private static final int PASSES_PER_ROUND = 5_000;

    private HashCpuTimeBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: HashCpuTimeBenchmark <function> [rounds]; functions: " + HashFunctions.available());
            System.exit(2);
        }
        HashFunction hash = HashFunctions.forName(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        SplittableRandom random = new SplittableRandom(20261127L);
        long[] keys = random.longs(KEYS).toArray();
        long[] seeds = random.longs(4).toArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        long sink = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            sink += passes(hash, keys, seeds, PASSES_PER_ROUND);
        }
        double[] nanosPerHash = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += passes(hash, keys, seeds, PASSES_PER_ROUND);
            long cpu = threads.getCurrentThreadCpuTime() - start;
            nanosPerHash[r] = (double) cpu / ((long) PASSES_PER_ROUND * KEYS);
        }
        Arrays.sort(nanosPerHash);
        System.out.printf("%-12s cpu ns/hash: min %.2f  median %.2f  max %.2f  (%d rounds of %d hashes; sink %x)%n",
                hash.name(), nanosPerHash[0], nanosPerHash[rounds / 2], nanosPerHash[rounds - 1], rounds,
                (long) PASSES_PER_ROUND * KEYS, sink);
    }

    private static long passes(HashFunction hash, long[] keys, long[] seeds, int passes) {
        long acc = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < keys.length; i++) {
                acc += hash.hash(keys[i], seeds[i & 3]);
            }
        }
        return acc;
    }
}
