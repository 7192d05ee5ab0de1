/** The built-in hash functions. */
module io.bloomfit.hash {
    requires io.bloomfit.api;
    requires zero.allocation.hashing;
    requires com.google.common;
    requires org.lz4.java;

    provides io.bloomfit.api.hash.HashFunction with
            io.bloomfit.hash.City64,
            io.bloomfit.hash.Farm64,
            io.bloomfit.hash.Md5,
            io.bloomfit.hash.Metro64,
            io.bloomfit.hash.Murmur3x128,
            io.bloomfit.hash.Murmur3x32,
            io.bloomfit.hash.Sha1,
            io.bloomfit.hash.Sha256,
            io.bloomfit.hash.WyHash,
            io.bloomfit.hash.Xxh3,
            io.bloomfit.hash.Xxh32,
            io.bloomfit.hash.Xxh64;
}
