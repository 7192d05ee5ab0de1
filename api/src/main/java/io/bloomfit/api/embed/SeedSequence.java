package io.bloomfit.api.embed;

/**
 * The per-lookup seeds of hashing compressors, derived from one request seed with SplitMix64 (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the generator Java's
 * {@link java.util.SplittableRandom} uses with its default gamma).
 *
 * <p>Why not {@code seed + j}: with many hash functions, {@code hash(e, seed + 1)} and {@code hash(e + 1, seed)}
 * are related (or, for "seed added to the key" schemes, equal), which makes lookup j of one entity coincide
 * with lookup l of a neighbouring entity. SplitMix64 outputs are well-mixed, pairwise unrelated 64-bit values.
 *
 * <p>Exact derivation (a saved model depends on it): the state starts at the request seed; output
 * {@code j = 0, 1, 2, ...} is computed by {@code state += 0x9E3779B97F4A7C15} followed by the finaliser
 * {@code z = (state ^ (state >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB;
 * seed_j = z ^ (z >>> 31)}. So {@code seed_j = mix(seed + (j + 1) * 0x9E3779B97F4A7C15)}, the j-th
 * (0-based) {@code nextLong()} of {@code new SplittableRandom(seed)}.
 */
public final class SeedSequence {

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private SeedSequence() {
    }

    /** The j-th (0-based) output of a SplitMix64 generator started at {@code seed}. */
    public static long seed(long seed, int j) {
        if (j < 0) {
            throw new IllegalArgumentException("seed index must be >= 0, was " + j);
        }
        return mix(seed + (j + 1L) * GOLDEN_GAMMA);
    }

    /** The first {@code count} outputs of a SplitMix64 generator started at {@code seed}. */
    public static long[] seeds(long seed, int count) {
        long[] seeds = new long[count];
        long state = seed;
        for (int j = 0; j < count; j++) {
            state += GOLDEN_GAMMA;
            seeds[j] = mix(state);
        }
        return seeds;
    }

    /** SplitMix64's output function (Stafford's "Mix13" variant of MurmurHash3's finaliser). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
