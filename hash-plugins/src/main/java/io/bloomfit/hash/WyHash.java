package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** wyhash version 3 (wangyi-fudan/wyhash commit 9f68c1b, the one zero-allocation-hashing implements) of the key as 8 little-endian bytes with the 64-bit seed, from zero-allocation-hashing {@code wy_3(seed)}. Later wyhash versions (final, final4) give different values. */
public final class WyHash implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::wy_3);

    @Override
    public String name() {
        return "wyhash";
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
