package io.bloomfit.embed;

import io.bloomfit.host.EmbeddingCompressors;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The number of entities whose k-row signature is shared with another entity matches what ideal random hashing
 * predicts.
 *
 * <p><b>Model.</b> Each entity draws k rows independently and uniformly from m. Its signature is the multiset
 * of the k rows (rows may coincide; order does not matter). A multiset with distinct rows of multiplicities
 * {@code a_1..a_r} (a partition of k) has probability {@code P = k! / (a_1! ... a_r!) / m^k}; the number of
 * multisets of that shape is {@code m (m-1) ... (m-r+1) / (c_1! c_2! ...)}, where {@code c_s} counts the parts
 * equal to s. So, summing over the partitions of k:
 * <ul>
 *   <li>{@code p = P(two entities share a signature) = sum over shapes of count * P^2} (k = 1: 1/m;
 *   k = 2: (2m - 1) / m^3);</li>
 *   <li>{@code E[shared] = n * sum over shapes of count * P * (1 - (1 - P)^(n-1))}, exact because entity i
 *   shares iff one of the other n - 1 draws its multiset. (The simpler {@code n (1 - (1 - p)^(n-1))} is the same
 *   for k = 1 and agrees to within 0.1% in these cases.)</li>
 * </ul>
 * <p><b>Tolerance: 5 standard deviations (+1 for discreteness).</b> For k = 1 the shared count is n minus the
 * number of occupied-once bins, with the exact occupancy variance
 * {@code Var = E1 + n (n-1) (1 - 1/m) (1 - 2/m)^(n-2) - E1^2}, {@code E1 = n (1 - 1/m)^(n-1)}. For k &gt;= 2
 * sharing is rare: shared entities come in pairs, pairs are about Poisson, so {@code Var ~ 2 E[shared]}.
 */
class CollisionExpectationTest {

    private static final int N = 100_000;

    private static final Set<String> FULL_GRID = Set.of("xxh3", "xxh64", "murmur3_32");

    /**
     * The full grid (ratio 0.1 and 0.5, k = 1, 2, 4) for xxh3, xxh64 and murmur3_32; for every other function the
     * two most telling cases (ratio 0.1, k = 1 and 2: tens of thousands and about 200 expected), to keep the suite
     * fast.
     */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String hash : HashFunctions.available()) {
            boolean full = FULL_GRID.contains(hash);
            for (double ratio : full ? new double[] {0.1, 0.5} : new double[] {0.1}) {
                for (int k : full ? new int[] {1, 2, 4} : new int[] {1, 2}) {
                    cases.add(Arguments.of(hash, ratio, k));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ratio={1} k={2}")
    @MethodSource("cases")
    void sharedSignaturesMatchTheory(String hash, double ratio, int k, TestReporter reporter) {
        EmbeddingLayout layout = EmbeddingCompressors.layout(new BloomCompressor(), new LayoutRequest(N, 8, ratio, k,
                hash, 99));
        int m = layout.tableRows(0);
        CollisionStats stats = CollisionStats.of(layout);

        double expected = expectedShared(N, m, k);
        double sd = Math.sqrt(k == 1 ? singleRowSharedVariance(N, m) : 2 * expected);
        double tolerance = 5 * sd + 1;
        String summary = String.format("%s n=%d m=%d k=%d measured=%d expected=%.2f tolerance=%.1f", hash, N, m, k,
                stats.entitiesSharingSignature(), expected, tolerance);
        reporter.publishEntry("collisions", summary);

        assertThat((double) stats.entitiesSharingSignature()).as(summary).isCloseTo(expected, within(tolerance));
        assertThat(stats.entities()).isEqualTo(N);
        assertThat(stats.totalRows()).isEqualTo(m);
    }

    /** Hand-computed small cases of the formulas above. */
    @Test
    void theoryMatchesHandComputedCases() {
        // m = 2, k = 2: {0,0} and {1,1} with 1/4, {0,1} with 1/2: p = 1/16 + 1/16 + 1/4 = 3/8.
        assertThat(sameSignatureProbability(2, 2)).isCloseTo(3.0 / 8, within(1e-15));
        // m = 3, k = 2: three {a,a} with 1/9, three {a,b} with 2/9: p = 3/81 + 12/81 = 5/27 = (2m-1)/m^3.
        assertThat(sameSignatureProbability(3, 2)).isCloseTo(5.0 / 27, within(1e-15));
        // m = 2, k = 3: {000},{111} with 1/8, {001},{011} with 3/8: p = 2/64 + 18/64 = 5/16.
        assertThat(sameSignatureProbability(2, 3)).isCloseTo(5.0 / 16, within(1e-15));
        // k = 1: p = 1/m.
        assertThat(sameSignatureProbability(1000, 1)).isCloseTo(1e-3, within(1e-15));
        // Two entities: each shares iff they are equal, so E[shared] = 2 p.
        assertThat(expectedShared(2, 2, 2)).isCloseTo(0.75, within(1e-15));
        assertThat(expectedShared(2, 2, 3)).isCloseTo(0.625, within(1e-15));
        // Three entities, m = 2, k = 1: entity 0 is alone iff both others take the other row: 1/4. E = 3 * 3/4.
        assertThat(expectedShared(3, 2, 1)).isCloseTo(2.25, within(1e-15));
        // Shape probabilities sum to 1.
        assertThat(shapes(50_000, 4).stream().mapToDouble(s -> s[0] * s[1]).sum()).isCloseTo(1, within(1e-12));
    }

    /** p: the probability that two entities get the same multiset of k rows out of m. */
    static double sameSignatureProbability(int m, int k) {
        return shapes(m, k).stream().mapToDouble(s -> s[0] * s[1] * s[1]).sum();
    }

    /** Expected entities whose signature equals some other entity's, among n. */
    static double expectedShared(int n, int m, int k) {
        double sum = 0;
        for (double[] shape : shapes(m, k)) {
            double count = shape[0];
            double probability = shape[1];
            sum += count * probability * -Math.expm1((n - 1) * Math.log1p(-probability));
        }
        return n * sum;
    }

    /** Exact variance of the shared count for k = 1 (n balls in m bins; shared = balls not alone). */
    static double singleRowSharedVariance(int n, int m) {
        double alone = n * Math.exp((n - 1) * Math.log1p(-1.0 / m));
        double bothAlone = (double) n * (n - 1) * (1 - 1.0 / m) * Math.exp((n - 2) * Math.log1p(-2.0 / m));
        return alone + bothAlone - alone * alone;
    }

    /** For each partition of k: {number of multisets of that shape, probability of one of them}. */
    static List<double[]> shapes(int m, int k) {
        List<double[]> shapes = new ArrayList<>();
        partitions(k, k, new int[k], 0, m, shapes);
        return shapes;
    }

    private static void partitions(int remaining, int maxPart, int[] parts, int size, int m, List<double[]> out) {
        if (remaining == 0) {
            int k = 0;
            double multinomialDenominator = 1;
            double count = 1;
            int[] partCounts = new int[parts.length + 1];
            for (int i = 0; i < size; i++) {
                k += parts[i];
                multinomialDenominator *= factorial(parts[i]);
                count *= m - i;
                partCounts[parts[i]]++;
            }
            for (int c : partCounts) {
                count /= factorial(c);
            }
            out.add(new double[] {count, factorial(k) / multinomialDenominator / Math.pow(m, k)});
            return;
        }
        for (int part = Math.min(remaining, maxPart); part >= 1; part--) {
            parts[size] = part;
            partitions(remaining - part, part, parts, size + 1, m, out);
        }
    }

    private static double factorial(int x) {
        double f = 1;
        for (int i = 2; i <= x; i++) {
            f *= i;
        }
        return f;
    }
}
