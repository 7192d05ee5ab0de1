package io.bloomfit.bench.hash;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per {@link HashFunction#hash(long, long)} call on random long keys, for every built-in function,
 * looked up by name as layouts do. Seeds rotate over four values per key, like the k = 4 lookups of a Bloom
 * layout, so per-seed caching inside a function is measured as it is used. Goal: every
 * non-cryptographic function under 15 ns/hash. Run: see docs/benchmarks.md, "Hash functions".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashFunctionBenchmark {

    private static final int KEYS = 1024;
    private static final int SEEDS = 4;

    @Param({"murmur3_32", "murmur3_128", "xxh32", "xxh64", "xxh3", "metro64", "farm64", "city64", "wyhash",
            "md5", "sha1", "sha256"})
    public String function;

    private HashFunction hash;
    private final long[] keys = new long[KEYS];
    private final long[] seeds = new long[SEEDS];

    @Setup
    public void setUp() {
        hash = HashFunctions.forName(function);
        SplittableRandom random = new SplittableRandom(20261127L);
        for (int i = 0; i < KEYS; i++) {
            keys[i] = random.nextLong();
        }
        for (int j = 0; j < SEEDS; j++) {
            seeds[j] = random.nextLong();
        }
    }

    /** One hash per key, seeds rotating as in a k = 4 layout; the XOR keeps every result live. */
    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long hashLongKeys() {
        HashFunction h = hash;
        long[] k = keys;
        long[] s = seeds;
        long acc = 0;
        for (int i = 0; i < KEYS; i++) {
            acc ^= h.hash(k[i], s[i & (SEEDS - 1)]);
        }
        return acc;
    }
}
