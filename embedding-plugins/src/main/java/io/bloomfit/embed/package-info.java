/**
 * The built-in {@link io.bloomfit.api.embed.EmbeddingCompressor}s, registered by name: {@code plain} (the
 * uncompressed baseline), {@code bloom} and {@code bloom-sum} (Bloom embeddings, mean or sum of k hashed rows),
 * {@code hashing-trick} and {@code hashing-trick-signed} (one hashed row, optionally signed) and
 * {@code quotient-remainder} (two collision-free tables whose rows are multiplied).
 *
 * <p>Hashing compressors derive their per-lookup seeds with {@link io.bloomfit.api.embed.SeedSequence} (SplitMix64)
 * and size their table with {@link io.bloomfit.api.embed.TableSize}; both are part of the saved-model contract, since a
 * model stores the request and recomputes the index maps.
 */
package io.bloomfit.embed;
