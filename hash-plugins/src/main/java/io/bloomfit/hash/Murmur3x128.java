package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/**
 * The low 64 bits (h1) of MurmurHash3_x64_128(key as 8 little-endian bytes, seed as an unsigned 32-bit value),
 * from zero-allocation-hashing.
 *
 * <p>Why the seed mask: the reference takes a {@code uint32_t} seed and zero-extends it into both 64-bit lanes,
 * while zero-allocation-hashing's {@code murmur_3(long)} and Guava's {@code murmur3_128(int)} put the seed into
 * the lanes as given (Guava sign-extends the int), which differs from the reference for seeds at or above 2^31.
 * Passing {@code seed & 0xFFFFFFFF} to {@code murmur_3} reproduces the reference for every seed; seeds wider than
 * 32 bits keep their low 32 bits, exactly as a C caller converting to {@code uint32_t} would.
 */
public final class Murmur3x128 implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::murmur_3);

    @Override
    public String name() {
        return "murmur3_128";
    }

    @Override
    public long hash(long key, long seed) {
        return functions.forSeed(referenceSeed(seed)).hashLong(key);
    }

    /** The same function on arbitrary bytes, so tests can check published vectors. */
    long hashBytes(byte[] input, long seed) {
        return functions.forSeed(referenceSeed(seed)).hashBytes(input);
    }

    /** The reference's {@code uint32_t} seed, zero-extended. */
    static long referenceSeed(long seed) {
        return seed & 0xFFFF_FFFFL;
    }
}
