package io.bloomfit.library;

import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.Objects;

/**
 * How one side of a model (its users or its items) is embedded: a compressor with its ratio, k, hash function and
 * options, as one grid point of a spec gives them. Immutable; each method returns a changed copy.
 *
 * @param compressor a compressor's name, e.g. {@code bloom}
 * @param ratio      table rows per entity wanted, in (0, 1] (1: no compression)
 * @param hashes     k, lookups per entity (compressors that fix k ignore it)
 * @param hash       the hash function's name, or {@code null} for compressors that hash nothing
 * @param seed       the seed of the layout's lookups
 * @param options    the compressor's options ({@link PluginOptions#NONE}: its defaults)
 */
public record Embedding(String compressor, double ratio, int hashes, String hash, long seed, PluginOptions options) {

    /** The hash function a hashing embedding uses unless told otherwise (the spec's default, too). */
    public static final String DEFAULT_HASH = "xxh64";

    public Embedding {
        Objects.requireNonNull(compressor, "compressor");
        options = options == null ? PluginOptions.NONE : options;
    }

    /** The uncompressed baseline: one row per entity. */
    public static Embedding plain() {
        return new Embedding("plain", 1.0, 1, null, 0, PluginOptions.NONE);
    }

    /**
     * Bloom embeddings (Serrà & Karatzoglou, 2017): a table of {@code ratio} rows per entity, k = 2 hashed rows per
     * entity averaged, hashed with {@value #DEFAULT_HASH}.
     */
    public static Embedding bloom(double ratio) {
        return of("bloom", ratio);
    }

    /** Compressor {@code compressor} at {@code ratio}, k = 2, hashed with {@value #DEFAULT_HASH}. */
    public static Embedding of(String compressor, double ratio) {
        return new Embedding(compressor, ratio, 2, DEFAULT_HASH, 0, PluginOptions.NONE);
    }

    /** This embedding with k lookups per entity. */
    public Embedding hashes(int k) {
        return new Embedding(compressor, ratio, k, hash, seed, options);
    }

    /** This embedding hashed with the function named {@code name}. */
    public Embedding hash(String name) {
        return new Embedding(compressor, ratio, hashes, name, seed, options);
    }

    /** This embedding with its lookups seeded by {@code value}. */
    public Embedding seed(long value) {
        return new Embedding(compressor, ratio, hashes, hash, value, options);
    }

    /** This embedding with option {@code name} of its compressor set to {@code value} (checked when it is built). */
    public Embedding option(String name, Object value) {
        return new Embedding(compressor, ratio, hashes, hash, seed, options.with(name, value));
    }

    /** The request for {@code entities} embeddings of {@code dimension}: what the compressor lays out. */
    LayoutRequest request(int entities, int dimension) {
        if (compressor.equals("plain")) {
            return LayoutRequest.plain(entities, dimension);
        }
        return new LayoutRequest(entities, dimension, ratio, hashes, hash, seed, null, options);
    }
}
