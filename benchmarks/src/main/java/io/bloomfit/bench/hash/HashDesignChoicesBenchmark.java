package io.bloomfit.bench.hash;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;
import net.openhft.hashing.LongHashFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The two implementation choices in hash-plugins that cost time, measured against their alternatives: how xxh32
 * gets the 8-byte array lz4-java needs (fresh array per call vs a per-thread buffer), and whether the seeded
 * zero-allocation-hashing function objects are cached per seed (XXH3 builds a 192-byte secret per construction).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashDesignChoicesBenchmark {

    private static final int KEYS = 1024;
    private static final XXHash32 XXH32 = XXHashFactory.safeInstance().hash32();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[Long.BYTES]);

    private final long[] keys = new long[KEYS];
    private final long[] seeds = new long[4];
    private HashFunction xxh3;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261127L);
        for (int i = 0; i < KEYS; i++) {
            keys[i] = random.nextLong();
        }
        for (int j = 0; j < seeds.length; j++) {
            seeds[j] = random.nextLong();
        }
        xxh3 = HashFunctions.forName("xxh3");
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long xxh32FreshArray() {
        long acc = 0;
        for (int i = 0; i < KEYS; i++) {
            byte[] buffer = new byte[Long.BYTES];
            LONGS.set(buffer, 0, keys[i]);
            acc ^= XXH32.hash(buffer, 0, Long.BYTES, (int) seeds[i & 3]);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long xxh32ThreadLocalBuffer() {
        long acc = 0;
        for (int i = 0; i < KEYS; i++) {
            byte[] buffer = BUFFERS.get();
            LONGS.set(buffer, 0, keys[i]);
            acc ^= XXH32.hash(buffer, 0, Long.BYTES, (int) seeds[i & 3]);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long xxh3NewFunctionPerCall() {
        long acc = 0;
        for (int i = 0; i < KEYS; i++) {
            acc ^= LongHashFunction.xx3(seeds[i & 3]).hashLong(keys[i]);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public long xxh3CachedPerSeed() {
        long acc = 0;
        for (int i = 0; i < KEYS; i++) {
            acc ^= xxh3.hash(keys[i], seeds[i & 3]);
        }
        return acc;
    }
}
