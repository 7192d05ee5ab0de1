package io.bloomfit.hash;

/** SHA-1 of (seed as 8 little-endian bytes ‖ key as 8 little-endian bytes); first 8 digest bytes as a little-endian long. */
public final class Sha1 extends DigestPrefixHash {

    public Sha1() {
        super("SHA-1");
    }

    @Override
    public String name() {
        return "sha1";
    }
}
