package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties layouts rely on: the same (key, seed) always gives the same value, also when many threads share one
 * instance and interleave seeds (the per-seed caches and per-thread buffers must not leak state between calls);
 * 32-bit functions keep the upper 32 bits zero.
 */
class HashFunctionBehaviourTest {

    private static final int KEYS = 5_000;
    private static final long[] SEEDS = {0, 1, 0x8000_0000L, -1L, 0x5DEECE66DL, 7, 11, 13};

    static Stream<HashFunction> functions() {
        return IndependentVectorsTest.functions();
    }

    private static long[] expected(HashFunction function) {
        long[] values = new long[KEYS * SEEDS.length];
        for (int k = 0; k < KEYS; k++) {
            for (int s = 0; s < SEEDS.length; s++) {
                values[k * SEEDS.length + s] = function.hash(k * 0x9E3779B97F4A7C15L, SEEDS[s]);
            }
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void isDeterministicAcrossInstancesAndThreads(HashFunction function) throws Exception {
        long[] reference = expected(function);
        HashFunction fresh = IndependentVectorsTest.functions()
                .filter(f -> f.name().equals(function.name())).findFirst().orElseThrow();
        assertThat(expected(fresh)).as("a second instance").isEqualTo(reference);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> expected(function)));
            }
            for (Future<long[]> result : results) {
                assertThat(result.get()).as("values computed concurrently").isEqualTo(reference);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void thirtyTwoBitFunctionsLeaveTheHighBitsZeroAndSixtyFourBitOnesUseThem(HashFunction function) {
        long highBits = 0;
        for (long k = 0; k < 1000; k++) {
            highBits |= function.hash(k, 42) >>> 32;
        }
        if (function.outputBits() == 32) {
            assertThat(highBits).isZero();
        } else {
            assertThat(highBits).isEqualTo(0xFFFF_FFFFL);
        }
    }
}
