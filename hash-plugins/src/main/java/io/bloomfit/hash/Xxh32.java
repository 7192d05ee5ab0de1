package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * XXH32(key as 8 little-endian bytes, low 32 bits of seed), unsigned in the low 32 bits, from lz4-java's pure-Java
 * "safe" XXH32 (zero-allocation-hashing has no XXH32; the safe instance needs neither JNI nor {@code Unsafe}).
 *
 * <p>lz4-java hashes byte arrays only, so each thread reuses one 8-byte buffer instead of allocating per call.
 */
public final class Xxh32 implements HashFunction {

    private static final XXHash32 XXH32 = XXHashFactory.safeInstance().hash32();

    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[Long.BYTES]);

    @Override
    public String name() {
        return "xxh32";
    }

    @Override
    public long hash(long key, long seed) {
        byte[] buffer = buffers.get();
        LittleEndian.putLong(buffer, 0, key);
        return Integer.toUnsignedLong(XXH32.hash(buffer, 0, Long.BYTES, (int) seed));
    }

    /** The same function on arbitrary bytes, so tests can check published vectors. */
    long hashBytes(byte[] input, long seed) {
        return Integer.toUnsignedLong(XXH32.hash(input, 0, input.length, (int) seed));
    }

    @Override
    public int outputBits() {
        return 32;
    }
}
