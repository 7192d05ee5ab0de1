/**
 * The built-in {@link io.bloomfit.api.hash.HashFunction}s, one class per function, each registered under its spec
 * name and documented against the published algorithm and byte encoding it computes: MurmurHash3 x86_32 and
 * x64_128 ({@link io.bloomfit.hash.Murmur3x32}, {@link io.bloomfit.hash.Murmur3x128}), xxHash32/64 and XXH3
 * ({@link io.bloomfit.hash.Xxh32}, {@link io.bloomfit.hash.Xxh64}, {@link io.bloomfit.hash.Xxh3}), CityHash64,
 * FarmHash64, MetroHash64, wyhash ({@link io.bloomfit.hash.City64}, {@link io.bloomfit.hash.Farm64},
 * {@link io.bloomfit.hash.Metro64}, {@link io.bloomfit.hash.WyHash}) and the digests MD5, SHA-1 and SHA-256
 * ({@link io.bloomfit.hash.Md5}, {@link io.bloomfit.hash.Sha1}, {@link io.bloomfit.hash.Sha256}). Package-private
 * helpers: {@code DigestPrefixHash} (a digest as a seeded hash), {@code LittleEndian} (the key's byte encoding) and
 * {@code SeedCache} (per-seed function objects of the libraries).
 *
 * <p>Depends on {@code io.bloomfit.api} only among bloomfit modules, plus the hashing libraries
 * zero-allocation-hashing, Guava and lz4-java, and the JDK's {@code MessageDigest}. Every provider is listed both in
 * {@code module-info} ({@code provides}) and in {@code META-INF/services}.
 */
package io.bloomfit.hash;
