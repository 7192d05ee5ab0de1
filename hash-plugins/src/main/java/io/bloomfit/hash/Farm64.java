package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import net.openhft.hashing.LongHashFunction;

/**
 * FarmHash64WithSeed of the key as 8 little-endian bytes with the 64-bit seed, from zero-allocation-hashing's
 * {@code farmNa(seed)}.
 *
 * <p>The reference {@code util::Hash64WithSeed} (alias {@code FarmHash64WithSeed}) is
 * {@code farmhashna::Hash64WithSeed} in a release build, which is what {@code farmNa(seed)} implements (checked
 * against Google's library). Two things worth knowing: a farmhash build without {@code NDEBUG} perturbs that result
 * with its {@code DebugTweak} (Debian's libfarmhash does), and on 8-byte inputs farmhashna's short-input path and
 * seeding are CityHash v1.1's, so this function returns the same values as {@code city64} for every key and seed.
 */
public final class Farm64 implements HashFunction {

    private final SeedCache<LongHashFunction> functions = new SeedCache<>(LongHashFunction::farmNa);

    @Override
    public String name() {
        return "farm64";
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
