package io.bloomfit.embed;

import io.bloomfit.host.EmbeddingCompressors;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The k lookups of a Bloom layout must behave like independent hash functions, also across neighbouring
 * entities: for every pair j &lt; l and shift c, the fraction of entities e with {@code row_j(e) == row_l(e + c)}
 * must be 1/m. The classic flaw this guards against is deriving lookup j by adding j (or the seed) to the key:
 * then {@code row_j(e) == row_l(e + j - l)} for every e.
 *
 * <p>Tolerance: under independence the count of matches over N entities is Binomial(N, 1/m). Bernstein's
 * inequality {@code P(|X - Np| >= t) <= 2 exp(-t^2 / (2 (Np(1-p) + t/3)))} gives the t that a correct layout
 * exceeds with probability at most 1e-6 per check; with 54 checks per layout a correct layout fails at
 * most once in 10^4 seeds (and the seeds here are fixed, so the test is deterministic).
 */
class LookupIndependenceTest {

    private static final int N = 100_000;
    private static final int K = 4;
    private static final int[] SHIFTS = {-1000, -3, -2, -1, 0, 1, 2, 3, 1000};
    private static final double FAILURE_PROBABILITY = 1e-6;

    static Set<String> hashFunctions() {
        return HashFunctions.available();
    }

    @Test
    void theRequiredHashFunctionsAreCovered() {
        assertThat(hashFunctions()).contains("murmur3_32", "xxh3", "xxh64");
    }

    @ParameterizedTest
    @MethodSource("hashFunctions")
    void lookupsOfNeighbouringEntitiesAreIndependent(String hash) {
        for (double ratio : new double[] {0.00128, 0.01}) { // m = 128 (a power of two) and 1000
            EmbeddingLayout layout = EmbeddingCompressors.layout(new BloomCompressor(), new LayoutRequest(N, 8, ratio,
                    K, hash, 2024));

            assertThat(dependentLookups(BloomCompressorTest.allRows(layout), N, K, layout.tableRows(0)))
                    .as("%s with m = %d", hash, layout.tableRows(0)).isEmpty();
        }
    }

    /** Proves the check can fail: the "seed added to the key" scheme, {@code row_j(e) = h(e + j, seed) mod m}. */
    @Test
    void seedAddedToKeyFailsTheSameCheck() {
        HashFunction hash = HashFunctions.forName("xxh3");
        int m = 1000;
        int[] rows = new int[N * K];
        for (int e = 0; e < N; e++) {
            for (int j = 0; j < K; j++) {
                rows[e * K + j] = (int) Long.remainderUnsigned(hash.hash(e + j, 2024), m);
            }
        }

        List<String> dependent = dependentLookups(rows, N, K, m);

        // Every pair (j, l) matches completely at shift c = j - l.
        assertThat(dependent).anySatisfy(d -> assertThat(d).startsWith("j=0 l=1 c=-1 "))
                .anySatisfy(d -> assertThat(d).startsWith("j=0 l=3 c=-3 ")).hasSizeGreaterThanOrEqualTo(6);
    }

    /** Pairs (j, l, c) whose match count is outside the binomial tolerance, described. */
    static List<String> dependentLookups(int[] rows, int n, int k, int m) {
        List<String> dependent = new ArrayList<>();
        double p = 1.0 / m;
        for (int j = 0; j < k; j++) {
            for (int l = j + 1; l < k; l++) {
                for (int c : SHIFTS) {
                    int from = Math.max(0, -c);
                    int to = Math.min(n, n - c);
                    long matches = 0;
                    for (int e = from; e < to; e++) {
                        if (rows[e * k + j] == rows[(e + c) * k + l]) {
                            matches++;
                        }
                    }
                    long trials = to - from;
                    double expected = trials * p;
                    double tolerance = bernsteinDeviation(trials * p * (1 - p), FAILURE_PROBABILITY);
                    if (Math.abs(matches - expected) > tolerance) {
                        dependent.add(String.format("j=%d l=%d c=%d matches=%d expected=%.1f tolerance=%.1f", j, l,
                                c, matches, expected, tolerance));
                    }
                }
            }
        }
        return dependent;
    }

    /** The deviation t with 2 exp(-t^2 / (2 (variance + t / 3))) = delta, for a sum of Bernoulli variables. */
    static double bernsteinDeviation(double variance, double delta) {
        double log = Math.log(2 / delta);
        return log / 3 + Math.sqrt(log * log / 9 + 2 * log * variance);
    }
}
