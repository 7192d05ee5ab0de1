package io.bloomfit.spark;

import io.bloomfit.api.hash.HashFunction;

/**
 * A hash function only the test JVM (the driver) has: the executors of the tests' clusters get the main classes
 * and the libraries, not the test classes, so a point that names it must fail there with a clear message.
 */
public final class TestOnlyHash implements HashFunction {

    static final String NAME = "spark-test-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long hash(long key, long seed) {
        return key * 0x9E3779B97F4A7C15L + seed;
    }
}
