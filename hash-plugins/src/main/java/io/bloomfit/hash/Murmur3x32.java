package io.bloomfit.hash;

import com.google.common.hash.Hashing;
import io.bloomfit.api.hash.HashFunction;

/**
 * MurmurHash3_x86_32(key as 8 little-endian bytes, low 32 bits of seed), unsigned in the low 32 bits; equals
 * scikit-learn's {@code murmurhash3_32(bytes, seed, positive=True)}. From Guava's {@code murmur3_32_fixed}.
 */
public final class Murmur3x32 implements HashFunction {

    @Override
    public String name() {
        return "murmur3_32";
    }

    @Override
    public long hash(long key, long seed) {
        return Integer.toUnsignedLong(Hashing.murmur3_32_fixed((int) seed).hashLong(key).asInt());
    }

    @Override
    public int outputBits() {
        return 32;
    }
}
