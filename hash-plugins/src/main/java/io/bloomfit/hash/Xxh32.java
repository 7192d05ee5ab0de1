package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * XXH32(key as 8 little-endian bytes, low 32 bits of seed), unsigned in the low 32 bits, from lz4-java's pure-Java
 * "safe" XXH32 (zero-allocation-hashing has no XXH32; the safe instance needs neither JNI nor {@code Unsafe}).
 *
 * <p>lz4-java hashes byte arrays only, so each call encodes the key into a fresh 8-byte array: it measured as fast
 * as a per-thread buffer behind a {@code ThreadLocal} (docs/benchmarks.md) and is simpler. lz4-java's Unsafe-based
 * instance is faster still, but makes JDK 24+ print {@code sun.misc.Unsafe} deprecation warnings.
 */
public final class Xxh32 implements HashFunction {

    private static final XXHash32 XXH32 = XXHashFactory.safeInstance().hash32();

    @Override
    public String name() {
        return "xxh32";
    }

    @Override
    public long hash(long key, long seed) {
        byte[] buffer = new byte[Long.BYTES];
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
