package io.bloomfit.api.hash;

/**
 * A seeded 64-bit hash of a 64-bit key, the unit Bloom embeddings and hashing-trick layouts are built from.
 *
 * <p>Implementations must be pure: the same {@code (key, seed)} gives the same value on every run, JVM and
 * machine, because a saved model recomputes its index maps from the hash function's name and the seeds
 * instead of storing them. Each implementation documents exactly which published algorithm it computes (and
 * on which byte encoding of the key), so that its values can be checked against an independent
 * implementation. Implementations must be thread-safe: layouts are built in parallel.
 *
 * <p>Providers register through {@link java.util.ServiceLoader} (both {@code module-info} {@code provides}
 * and {@code META-INF/services/io.bloomfit.api.hash.HashFunction}) and are looked up by
 * name in the registry a host hands out ({@link io.bloomfit.api.plugin.NamedProviders}).
 */
public interface HashFunction {

    /** The stable name users put in specs and on the command line, e.g. {@code "xxh3"}. */
    String name();

    /**
     * Hashes {@code key} with {@code seed}. Functions with a 32-bit output return it unsigned in the low 32
     * bits; callers reduce the value with {@link Long#remainderUnsigned(long, long)}.
     */
    long hash(long key, long seed);

    /** Bits of output that carry information: 32 or 64 (used to warn when a table is larger than 2^32 rows). */
    default int outputBits() {
        return 64;
    }
}
