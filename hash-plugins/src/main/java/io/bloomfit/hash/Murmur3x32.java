package io.bloomfit.hash;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * MurmurHash3_x86_32(key as 8 little-endian bytes, low 32 bits of seed), unsigned in the low 32 bits; equals
 * scikit-learn's {@code murmurhash3_32(bytes, seed, positive=True)}. From Guava's {@code murmur3_32_fixed}.
 */
public final class Murmur3x32 implements io.bloomfit.api.hash.HashFunction {

    private final SeedCache<HashFunction> functions = new SeedCache<>(seed -> Hashing.murmur3_32_fixed((int) seed));

    @Override
    public String name() {
        return "murmur3_32";
    }

    @Override
    public long hash(long key, long seed) {
        return Integer.toUnsignedLong(functions.forSeed(seed & 0xFFFF_FFFFL).hashLong(key).asInt());
    }

    /** The same function on arbitrary bytes, so tests can check published vectors. */
    long hashBytes(byte[] input, long seed) {
        return Integer.toUnsignedLong(functions.forSeed(seed & 0xFFFF_FFFFL).hashBytes(input).asInt());
    }

    @Override
    public int outputBits() {
        return 32;
    }
}
