package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/** CityHash64WithSeed (CityHash v1.1) of the key as 8 little-endian bytes with the 64-bit seed, from zero-allocation-hashing. */
public final class City64 implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::city_1_1);

    @Override
    public String name() {
        return "city64";
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
