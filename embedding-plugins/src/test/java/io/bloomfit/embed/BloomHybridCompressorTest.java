package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BloomHybridCompressorTest {

    private final BloomHybridCompressor hybrid = new BloomHybridCompressor();
    private final PluginOptions defaults = PluginOptions.NONE.resolved(hybrid.options());

    private EmbeddingLayout withShare(double hotShare, LayoutRequest request) {
        return EmbeddingCompressors.layout(hybrid, request.withOptions(PluginOptions.of(Map.of("hotShare", hotShare))));
    }

    private static PluginOptions share(double hotShare) {
        return PluginOptions.of(Map.of("hotShare", hotShare)).resolved(new BloomHybridCompressor().options());
    }

    private static PluginOptions floor(double coldFloor) {
        return PluginOptions.of(Map.of("coldFloor", coldFloor)).resolved(new BloomHybridCompressor().options());
    }

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(100);
    }

    private static int[] zipfCounts(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[n];
        for (int e = 0; e < n; e++) {
            counts[e] = (int) (1000.0 / (1 + random.nextInt(n)));
        }
        return counts;
    }

    @ParameterizedTest
    @MethodSource("layoutCases")
    void rowsInRangeTotalAtTheRatioAndHotEntitiesOwnTheirRow(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-3, 2.0, 4);
        int k = c.intBetween("k", 1, 5);
        long seed = c.anyLong("seed");
        String hash = c.oneOf("hash", List.copyOf(HashFunctions.available()));
        c.check(() -> {
            LayoutRequest request = new LayoutRequest(n, 8, ratio, k, hash, seed).withTrainingCounts(
                    zipfCounts(n, seed));
            EmbeddingLayout layout = EmbeddingCompressors.layout(hybrid, request);
            int m = layout.tableRows(0);
            assertThat(m).isEqualTo(EmbeddingCompressors.layout("bloom", request).tableRows(0));
            int hot = BloomHybridCompressor.hotRows(defaults, m, n);
            if (hot > 0) {
                assertThat((double) (m - hot)).as("cold rows").isGreaterThanOrEqualTo(0.2 * (n - hot) - 1e-9);
            }
            int[] owner = new int[m];
            java.util.Arrays.fill(owner, -1);
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < k; j++) {
                    int row = layout.row(e, j);
                    assertThat(row).isBetween(0, m - 1);
                    if (row >= m - hot) {
                        assertThat(layout.row(e, 0)).isEqualTo(row); // a hot entity reads only its row
                        assertThat(owner[row]).isIn(-1, e);
                        owner[row] = e;
                    }
                }
            }
        });
    }

    /**
     * n = 6, counts {5, 0, 9, 9, 1, 2}, ratio 0.5: m = 3 rows. With hot 0.5, floor(1.5) = 1 hot row: entity 2 (9,
     * tied with entity 3, lower id first) owns row 2, the rest share rows 0..1 by bloom hashing. With hot 0.7,
     * floor(2.1) = 2: entities 2 and 3 own rows 1 and 2, the rest all share row 0. The default cold floor 0.2 gives
     * the same: floor((3 - 0.2 * 6) / 0.8) = floor(2.25) = 2 hot rows, the 1 cold row serving 4 entities (0.25 each).
     */
    @Test
    void smallCaseByHand() {
        long seed = 3;
        LayoutRequest request = new LayoutRequest(6, 4, 0.5, 2, "xxh3", seed)
                .withTrainingCounts(new int[] {5, 0, 9, 9, 1, 2});
        HashFunction xxh3 = HashFunctions.forName("xxh3");
        SplittableRandom splitMix = new SplittableRandom(seed);
        long[] s = {splitMix.nextLong(), splitMix.nextLong()};

        EmbeddingLayout half = withShare(0.5, request);
        assertThat(half.tableRowCounts()).containsExactly(3);
        assertThat(half.combiner()).isEqualTo(Combiner.MEAN);
        assertThat(half.row(2, 0)).isEqualTo(2);
        assertThat(half.row(2, 1)).isEqualTo(2);
        for (int e : new int[] {0, 1, 3, 4, 5}) {
            for (int j = 0; j < 2; j++) {
                assertThat(half.row(e, j)).isEqualTo((int) Long.remainderUnsigned(xxh3.hash(e, s[j]), 2));
            }
        }

        EmbeddingLayout more = withShare(0.7, request);
        assertThat(BloomCompressorTest.allRows(more)).containsExactly(0, 0, 0, 0, 1, 1, 2, 2, 0, 0, 0, 0);
        assertThat(BloomCompressorTest.allRows(EmbeddingCompressors.layout(hybrid, request)))
                .containsExactly(0, 0, 0, 0, 1, 1, 2, 2, 0, 0, 0, 0);
    }

    /**
     * The default floor 0.2, by hand for n = 1000: ratio 0.2 (m = 200) leaves no budget above 0.2 rows per entity,
     * so no row is hot and the layout is bloom's; ratio 0.45 (m = 450): floor((450 - 200) / 0.8) = floor(312.5) = 312
     * hot rows, the 138 cold rows serving 688 cold entities at 0.2006 each (313 would leave 137 for 687, 0.1994);
     * ratio 1 (m = 1000): (1000 - 200) / 0.8 = 1000, capped to leave one cold row: 999. A floor of 0.5 at ratio 0.45
     * leaves nothing hot; a fixed half is floor(0.5 * 450) = 225.
     */
    @Test
    void theDefaultFloorByHand() {
        assertThat(BloomHybridCompressor.hotRows(defaults, 200, 1000)).isZero();
        assertThat(BloomHybridCompressor.hotRows(defaults, 450, 1000)).isEqualTo(312);
        assertThat(BloomHybridCompressor.hotRows(defaults, 1000, 1000)).isEqualTo(999);
        assertThat(BloomHybridCompressor.hotRows(floor(0.5), 450, 1000)).isZero();
        assertThat(BloomHybridCompressor.hotRows(share(0.5), 450, 1000)).isEqualTo(225);
        LayoutRequest request = new LayoutRequest(1000, 8, 0.2, 2, "xxh64", 5).withTrainingCounts(zipfCounts(1000, 3));
        assertThat(BloomCompressorTest.allRows(EmbeddingCompressors.layout(hybrid, request)))
                .isEqualTo(BloomCompressorTest.allRows(EmbeddingCompressors.layout("bloom", request)));
    }

    /**
     * The ends of the floor by hand, n = 1000: a floor of 0.1 at m = 450 gives floor((450 - 100) / 0.9) =
     * floor(388.9) = 388 hot rows (62 cold rows for 612 entities, 0.1013 each; 389 would leave 0.0998); a floor of 0
     * gives every row but one (999 of m = 1000, and 449 of m = 450); a floor of 1 gives none below ratio 1 and, at
     * m = n = 1000, every row but one.
     */
    @Test
    void otherFloorsByHand() {
        assertThat(BloomHybridCompressor.hotRows(floor(0.1), 450, 1000)).isEqualTo(388);
        assertThat(BloomHybridCompressor.hotRows(floor(0), 450, 1000)).isEqualTo(449);
        assertThat(BloomHybridCompressor.hotRows(floor(1), 450, 1000)).isZero();
        assertThat(BloomHybridCompressor.hotRows(floor(1), 1000, 1000)).isEqualTo(999);
        assertThat(BloomHybridCompressor.hotRows(share(1), 450, 1000)).isEqualTo(449);
        assertThat(BloomHybridCompressor.hotRows(share(0.25), 450, 1000)).isEqualTo(112);
    }

    /** A share and a floor given together: the floor applies only to the automatic share, so it is refused. */
    @Test
    void optionsOutOfRangeOrContradictingAreRefusedNamingTheOption() {
        LayoutRequest request = new LayoutRequest(6, 4, 0.5, 2, "xxh3", 3).withTrainingCounts(new int[6]);
        assertThatThrownBy(() -> withShare(1.5, request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressor 'bloom-hybrid': option hotShare: 1.5 is out of range; expected auto or a "
                        + "number in [0, 1]");
        assertThatThrownBy(() -> EmbeddingCompressors.layout(hybrid, request.withOptions(PluginOptions.of(
                Map.of("hotShare", 0.5, "coldFloor", 0.3))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option coldFloor: applies only when hotShare is auto");
        assertThatThrownBy(() -> EmbeddingCompressors.layout(hybrid, request.withOptions(PluginOptions.of(
                Map.of("colour", "red"))))).hasMessageContaining("option colour: unknown option; it takes hotShare "
                + "(auto or a number in [0, 1]), coldFloor (a number in [0, 1])");
    }

    /** A floor given as the default, with the automatic share, is the default layout; the request records both. */
    @Test
    void defaultsGivenOrNotBuildOneLayout() {
        LayoutRequest request = new LayoutRequest(1000, 8, 0.45, 2, "xxh64", 5).withTrainingCounts(zipfCounts(1000, 3));
        EmbeddingLayout plain = EmbeddingCompressors.layout(hybrid, request);
        EmbeddingLayout given = EmbeddingCompressors.layout(hybrid, request.withOptions(PluginOptions.of(
                Map.of("hotShare", "auto", "coldFloor", 0.2))));
        assertThat(BloomCompressorTest.allRows(given)).isEqualTo(BloomCompressorTest.allRows(plain));
        assertThat(plain.request().options().asMap()).containsExactly(Map.entry("coldFloor", 0.2),
                Map.entry("hotShare", "auto"));
        assertThat(given.request()).isEqualTo(plain.request());
    }

    @Test
    void withoutHotRowsItIsBloom() {
        LayoutRequest request = new LayoutRequest(5000, 8, 0.2, 3, "xxh64", 11).withTrainingCounts(zipfCounts(5000, 1));
        assertThat(BloomCompressorTest.allRows(withShare(0, request)))
                .isEqualTo(BloomCompressorTest.allRows(EmbeddingCompressors.layout("bloom", request)));
    }

    @Test
    void sameRequestSameLayoutSeedsDifferAndColdLookupsAreIndependent() {
        int n = 100_000;
        int[] counts = zipfCounts(n, 2);
        LayoutRequest request = new LayoutRequest(n, 8, 0.002, 4, "xxh3", 2024).withTrainingCounts(counts);
        // at ratio 0.002 the default floor leaves none hot: a fixed half
        EmbeddingLayout layout = withShare(0.5, request);
        int[] rows = BloomCompressorTest.allRows(layout);
        assertThat(BloomCompressorTest.allRows(withShare(0.5, request))).isEqualTo(rows);
        int[] other = BloomCompressorTest.allRows(withShare(0.5,
                new LayoutRequest(n, 8, 0.002, 4, "xxh3", 2025).withTrainingCounts(counts)));
        int differ = 0;
        for (int i = 0; i < rows.length; i++) {
            differ += rows[i] != other[i] ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(rows.length / 2);
        // the 100 hot entities are the same for both seeds; the cold lookups pass bloom's independence check
        // with hot entities' rows replaced by the cold hashing they would have had: check on cold entities only
        int cold = layout.tableRows(0) - BloomHybridCompressor.hotRows(layout.tableRows(0), n, 0.5);
        int[] coldOnly = new int[rows.length];
        EmbeddingLayout bloomCold = EmbeddingCompressors.layout("bloom", new LayoutRequest(n, 8, cold / (double) n, 4,
                "xxh3", 2024));
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < 4; j++) {
                coldOnly[e * 4 + j] = rows[e * 4 + j] < cold ? rows[e * 4 + j] : bloomCold.row(e, j);
            }
        }
        assertThat(coldOnly).isEqualTo(BloomCompressorTest.allRows(bloomCold));
        assertThat(LookupIndependenceTest.dependentLookups(coldOnly, n, 4, cold)).isEmpty();
    }

    @Test
    void withoutTrainingCountsItSaysWhereTheyComeFrom() {
        assertThatThrownBy(() -> EmbeddingCompressors.layout(hybrid, new LayoutRequest(10, 4, 0.5, 2, "xxh3", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingCounts")
                .hasMessageContaining("training split");
        assertThat(hybrid.usesTrainingCounts()).isTrue();
        assertThat(new BloomCompressor().usesTrainingCounts()).isFalse();
    }
}
