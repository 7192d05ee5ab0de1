package io.bloomfit.hash;

/** SHA-256 of (seed as 8 little-endian bytes ‖ key as 8 little-endian bytes); first 8 digest bytes as a little-endian long. */
public final class Sha256 extends DigestPrefixHash {

    public Sha256() {
        super("SHA-256");
    }

    @Override
    public String name() {
        return "sha256";
    }
}
