/**
 * The built-in {@link io.bloomfit.api.embed.EmbeddingCompressor}s, registered by name: {@code plain} (the
 * uncompressed baseline), {@code bloom} (Bloom embeddings, option {@code combiner}: mean or sum of k hashed rows;
 * {@code bloom-sum} is its sum under the name it had before options), {@code hashing-trick} (one hashed row, option
 * {@code signed}; {@code hashing-trick-signed} is its signed variant under its earlier name) and
 * {@code quotient-remainder} (two collision-free tables whose rows are multiplied), {@code hash-embedding} (k
 * hashed rows summed with learned importance weights), {@code robe} (ROBE-Z: blocks of one shared array,
 * concatenated), {@code dhe} (Deep Hash Embedding: an encoder network over hash features, no table) and
 * {@code bloom-hybrid} (own rows for the most frequent entities by training counts, Bloom rows for the rest). Each
 * declares its {@link io.bloomfit.api.embed.CompressorTraits} and its options, whose defaults are the values the
 * compressor had before it took options ({@code hash-embedding}: {@code weightLearningRate}, {@code weightBudget};
 * {@code dhe}: {@code features}, {@code buckets}, {@code hidden}, {@code maxHidden}; {@code bloom-hybrid}:
 * {@code hotShare}, {@code coldFloor}).
 *
 * <p>Hashing compressors use the hash function the caller resolved (never a registry lookup of their own), derive
 * their per-lookup seeds with {@link io.bloomfit.api.embed.SeedSequence} (SplitMix64) and size their table with
 * {@link io.bloomfit.api.embed.TableSize}; both are part of the saved-model contract, since a model stores the
 * request and recomputes the index maps.
 *
 * <p>Depends on {@code io.bloomfit.api} and the JDK only (the hash functions its tests use come from
 * {@code hash-plugins} at test scope). Every provider is listed both in {@code module-info} and in
 * {@code META-INF/services}.
 */
package io.bloomfit.embed;
