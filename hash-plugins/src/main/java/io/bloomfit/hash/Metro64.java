package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** MetroHash64 (J. Andrew Rogers reference {@code MetroHash64::Hash}) of the key as 8 little-endian bytes with the 64-bit seed, from zero-allocation-hashing; the 8 output bytes read as a little-endian long. */
public final class Metro64 implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::metro);

    @Override
    public String name() {
        return "metro64";
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
