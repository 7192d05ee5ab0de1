package io.bloomfit.engine.factorization.model;

/** Derives independent seeds from the fit's seed, so every random choice is a pure function of it. */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 of {@code seed} combined with {@code stream}. */
    public static long mix(long seed, long stream) {
        long z = seed + 0x9E37_79B9_7F4A_7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
