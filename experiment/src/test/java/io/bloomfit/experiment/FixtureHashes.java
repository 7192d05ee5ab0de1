package io.bloomfit.experiment;

import io.bloomfit.api.hash.HashFunction;

/** Test-only hash functions, registered in the fixture registry (experiment tests cannot see hash-plugins). */
public final class FixtureHashes {

    private FixtureHashes() {
    }

    /** SplitMix64's finaliser of key + golden-ratio * (seed + 1). */
    public static final class Mix implements HashFunction {
        @Override
        public String name() {
            return "fixture-mix";
        }

        @Override
        public long hash(long key, long seed) {
            long z = key + 0x9E3779B97F4A7C15L * (seed + 1);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** key * 31 + seed: a poor hash, only to have a second name. */
    public static final class Linear implements HashFunction {
        @Override
        public String name() {
            return "fixture-linear";
        }

        @Override
        public long hash(long key, long seed) {
            return key * 31 + seed;
        }
    }

    /** Always 7, whatever the key and seed: every entity lands in the same rows. */
    public static final class Constant implements HashFunction {
        @Override
        public String name() {
            return "fixture-constant";
        }

        @Override
        public long hash(long key, long seed) {
            return 7;
        }
    }
}
