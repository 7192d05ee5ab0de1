package io.bloomfit.hash;

/** MD5 of (seed as 8 little-endian bytes ‖ key as 8 little-endian bytes); first 8 digest bytes as a little-endian long. */
public final class Md5 extends DigestPrefixHash {

    public Md5() {
        super("MD5");
    }

    @Override
    public String name() {
        return "md5";
    }
}
