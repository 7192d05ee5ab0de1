package io.bloomfit.embed;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuotientRemainderCompressorTest {

    private static EmbeddingLayout layout(int n, double ratio) {
        return EmbeddingCompressors.layout("quotient-remainder", new LayoutRequest(n, 8, ratio, 4, null, 0));
    }

    /** n = 10, ratio 0.7: 7 rows wanted; q = 5 gives ceil(10/5) + 5 = 7 (q = 2 also does; the larger q wins). */
    @Test
    void exactRowsForTenEntities() {
        EmbeddingLayout layout = layout(10, 0.7);

        assertThat(layout.tableRowCounts()).containsExactly(2, 5);
        assertThat(layout.combiner()).isEqualTo(Combiner.PRODUCT);
        assertThat(layout.numLookups()).isEqualTo(2);
        int[][] expected = {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
        for (int e = 0; e < 10; e++) {
            assertThat(new int[] {layout.row(e, 0), layout.row(e, 1)}).as("entity %d", e).containsExactly(expected[e]);
            assertThat(layout.table(e, 0)).isZero();
            assertThat(layout.table(e, 1)).isEqualTo(1);
            assertThat(layout.globalRow(e, 1)).isEqualTo(2 + expected[e][1]);
        }
        assertThat(layout.achievedRatio()).isEqualTo(0.7);
        assertThat(layout.parameterCount(8)).isEqualTo(7 * 8);
    }

    /**
     * n = 1000, ratio 0.2: 200 rows wanted. q >= ceil(sqrt(1000)) = 32; q = 194 gives 194 + ceil(1000/194) = 194 + 6
     * = 200 exactly (193 + 6 = 199, 195 + 6 = 201).
     */
    @Test
    void sizesForAThousandEntities() {
        assertThat(QuotientRemainderCompressor.remainderRows(1000, 0.2)).isEqualTo(194);
        assertThat(layout(1000, 0.2).tableRowCounts()).containsExactly(6, 194);
    }

    @Test
    void belowTheSmallestSizeUsesSquareRootAndReportsTheRatioReached() {
        // n = 10,000: sqrt = 100, smallest total 100 + 100 = 200 rows = ratio 0.02; 0.001 asks for 10.
        EmbeddingLayout layout = layout(10_000, 0.001);

        assertThat(layout.tableRowCounts()).containsExactly(100, 100);
        assertThat(layout.achievedRatio()).isEqualTo(0.02);
        assertThat(QuotientRemainderCompressor.smallestTotalRows(10_000)).isEqualTo(200);
        // n = 10: ceil(sqrt(10)) = 4, ceil(10/4) = 3.
        assertThat(layout(10, 0.1).tableRowCounts()).containsExactly(3, 4);
    }

    @Test
    void aboveFullSizeStopsAtOneRowPerEntityPlusOne() {
        assertThat(layout(50, 3.0).tableRowCounts()).containsExactly(1, 50);
    }

    @Test
    void tooManyEntitiesNamesTheFieldAndValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> layout(Integer.MAX_VALUE, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numEntities")
                .hasMessageContaining(String.valueOf(Integer.MAX_VALUE));
    }

    @Test
    void sameRequestSameLayout() {
        assertThat(BloomCompressorTest.allRows(layout(5000, 0.05)))
                .isEqualTo(BloomCompressorTest.allRows(layout(5000, 0.05)));
    }

    @Test
    void isCollisionFree() {
        CollisionStats stats = CollisionStats.of(layout(100_000, 0.1));

        assertThat(stats.entitiesSharingSignature()).isZero();
        assertThat(stats.distinctSignatures()).isEqualTo(100_000);
    }

    static Stream<SeededCase> sizeCases() {
        return SeededCase.cases(200);
    }

    @ParameterizedTest
    @MethodSource("sizeCases")
    void rowsInRangeDistinctAndTotalCloseToRequested(SeededCase c) {
        int n = c.intBetween("n", 1, 5000);
        double ratio = c.ratioBetween("ratio", 1e-3, 2.0, 4);
        c.check(() -> {
            EmbeddingLayout layout = layout(n, ratio);
            int quotientRows = layout.tableRows(0);
            int q = layout.tableRows(1);

            assertThat(quotientRows).isEqualTo((n + q - 1) / q);
            boolean[] seen = new boolean[quotientRows * q];
            for (int e = 0; e < n; e++) {
                int a = layout.row(e, 0);
                int b = layout.row(e, 1);
                assertThat(a).isBetween(0, quotientRows - 1);
                assertThat(b).isBetween(0, q - 1);
                assertThat(seen[a * q + b]).as("entity %d reuses (%d, %d)", e, a, b).isFalse();
                seen[a * q + b] = true;
            }
            double target = ratio * n;
            long smallest = QuotientRemainderCompressor.smallestTotalRows(n);
            if (target >= smallest && target <= n + 1) {
                // ceil(n/q) + q moves by at most about 1 + n/q^2 <= 2 per step of q near the optimum.
                assertThat((double) layout.totalRows()).isCloseTo(target, within(2.0));
            } else {
                assertThat((long) layout.totalRows()).isEqualTo(target < smallest ? smallest : n + 1);
            }
        });
    }
}
