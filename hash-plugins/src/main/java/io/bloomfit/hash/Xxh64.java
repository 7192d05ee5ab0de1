package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** XXH64(key as 8 little-endian bytes, seed), from zero-allocation-hashing. */
public final class Xxh64 implements HashFunction {

    @Override
    public String name() {
        return "xxh64";
    }

    @Override
    public long hash(long key, long seed) {
        return LongHashFunction.xx(seed).hashLong(key);
    }
}
