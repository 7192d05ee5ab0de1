package io.bloomfit.hash;

import java.util.function.LongFunction;

/**
 * A small, lock-free, set-associative cache of per-seed hash-function objects.
 *
 * <p>Why: the libraries bind the seed into an immutable function object, and some of those are costly to build
 * (zero-allocation-hashing's seeded XXH3 derives a 192-byte secret in its constructor, about 6x the cost of the
 * hash itself), while a layout hashes millions of keys with only a handful of seeds, alternating between them.
 * Each seed maps to a set of {@value #WAYS} slots, so up to {@value #WAYS} seeds never evict each other whatever
 * their values (a direct-mapped table would rebuild on every call when two alternating seeds collide).
 *
 * <p>Thread-safe without locks: entries are immutable records (final fields), so a racing reader sees either no
 * entry, an old one or a complete new one, and checks the seed before using it; a lost race only rebuilds an object.
 */
final class SeedCache<T> {

    static final int WAYS = 4;
    private static final int SETS = 64;
    private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SETS);

    private record Entry<T>(long seed, T function) {
    }

    private final LongFunction<T> factory;
    private final Entry<?>[] entries = new Entry<?>[SETS * WAYS];

    SeedCache(LongFunction<T> factory) {
        this.factory = factory;
    }

    /** The function object for {@code seed}, built by the factory on a miss. */
    @SuppressWarnings("unchecked")
    T forSeed(long seed) {
        int base = set(seed) * WAYS;
        for (int way = 0; way < WAYS; way++) {
            Entry<?> entry = entries[base + way];
            if (entry == null) {
                break;
            }
            if (entry.seed() == seed) {
                return (T) entry.function();
            }
        }
        T function = factory.apply(seed);
        insert(base, new Entry<>(seed, function));
        return function;
    }

    /** Index of the set {@code seed} belongs to (Fibonacci hashing of the seed). */
    static int set(long seed) {
        return (int) ((seed * 0x9E3779B97F4A7C15L) >>> SHIFT);
    }

    /** Fills the first free way; a full set drops its oldest entry (ways shift down, the new one goes last). */
    private void insert(int base, Entry<?> entry) {
        for (int way = 0; way < WAYS; way++) {
            if (entries[base + way] == null) {
                entries[base + way] = entry;
                return;
            }
        }
        for (int way = 0; way < WAYS - 1; way++) {
            entries[base + way] = entries[base + way + 1];
        }
        entries[base + WAYS - 1] = entry;
    }
}
