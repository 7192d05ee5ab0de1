package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** XXH3_64bits_withSeed(key as 8 little-endian bytes, seed), from zero-allocation-hashing. */
public final class Xxh3 implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::xx3);

    @Override
    public String name() {
        return "xxh3";
    }

    @Override
    public long hash(long key, long seed) {
        return functions.forSeed(seed).hashLong(key);
    }

    /** The same function on arbitrary bytes, so tests can check published vectors. */
    long hashBytes(byte[] input, long seed) {
        return functions.forSeed(seed).hashBytes(input);
    }
}
