/** The built-in hash functions. */
module io.bloomfit.hash {
    requires io.bloomfit.api;
    requires zero.allocation.hashing;
    requires com.google.common;

    provides io.bloomfit.api.hash.HashFunction with
            io.bloomfit.hash.Murmur3x32,
            io.bloomfit.hash.Xxh3,
            io.bloomfit.hash.Xxh64;
}
