package io.bloomfit.hash;

import java.util.function.LongFunction;

/**
 * A small, lock-free, direct-mapped cache of per-seed hash-function objects.
 *
 * <p>Why: the libraries bind the seed into an immutable function object, and some of those are costly to build
 * (zero-allocation-hashing's seeded XXH3 derives a 192-byte secret in its constructor), while a layout hashes
 * millions of keys with only a handful of seeds. Entries are immutable records (final fields), so a racing reader
 * sees either no entry, an old one or a complete new one; a miss just rebuilds the object. Thread-safe.
 */
final class SeedCache<T> {

    private static final int SLOTS = 64;
    private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);

    private record Entry<T>(long seed, T function) {
    }

    private final LongFunction<T> factory;
    private final Entry<?>[] entries = new Entry<?>[SLOTS];

    SeedCache(LongFunction<T> factory) {
        this.factory = factory;
    }

    /** The function object for {@code seed}, built by the factory on a miss. */
    @SuppressWarnings("unchecked")
    T forSeed(long seed) {
        int slot = (int) ((seed * 0x9E3779B97F4A7C15L) >>> SHIFT);
        Entry<?> entry = entries[slot];
        if (entry != null && entry.seed() == seed) {
            return (T) entry.function();
        }
        T function = factory.apply(seed);
        entries[slot] = new Entry<>(seed, function);
        return function;
    }
}
