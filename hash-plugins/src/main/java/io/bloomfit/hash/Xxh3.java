package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** XXH3_64bits_withSeed(key as 8 little-endian bytes, seed), from zero-allocation-hashing. */
public final class Xxh3 implements HashFunction {

    @Override
    public String name() {
        return "xxh3";
    }

    @Override
    public long hash(long key, long seed) {
        return LongHashFunction.xx3(seed).hashLong(key);
    }
}
