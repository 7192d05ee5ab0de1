package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RobeCompressorTest {

    private final RobeCompressor robe = new RobeCompressor();

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(100);
    }

    @ParameterizedTest
    @MethodSource("layoutCases")
    void everyBlockIsInRangeAndTheArrayHasBloomsFloats(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-3, 2.0, 4);
        int z = c.oneOf("z", List.of(1, 2, 4, 8));
        int d = z * c.intBetween("blockWidth", 1, 8);
        long seed = c.anyLong("seed");
        String hash = c.oneOf("hash", List.copyOf(HashFunctions.available()));
        c.check(() -> {
            LayoutRequest request = new LayoutRequest(n, d, ratio, z, hash, seed);
            EmbeddingLayout layout = EmbeddingCompressors.layout(robe, request);
            EmbeddingLayout bloom = EmbeddingCompressors.layout("bloom", request);
            assertThat(layout.parameterCount(d)).isEqualTo(bloom.parameterCount(d));
            assertThat(layout.rowWidth(d)).isEqualTo(d / z);
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < z; j++) {
                    assertThat(layout.row(e, j)).isBetween(0, layout.tableRows(0) - 1);
                }
            }
        });
    }

    /**
     * n = 100, d = 8, Z = 2, ratio 0.1: the shared array has 10 * 8 = 80 floats, aligned blocks of 4: 20 "rows";
     * block z of e is row h(e, s_z) mod 20, s_z from the JDK's SplitMix64, and the blocks are concatenated.
     */
    @Test
    void smallCaseByHand() {
        long seed = -7;
        EmbeddingLayout layout = EmbeddingCompressors.layout(robe, new LayoutRequest(100, 8, 0.1, 2, "xxh64", seed));
        HashFunction xxh64 = HashFunctions.forName("xxh64");
        SplittableRandom splitMix = new SplittableRandom(seed);
        long[] s = {splitMix.nextLong(), splitMix.nextLong()};

        assertThat(layout.tableRowCounts()).containsExactly(20);
        assertThat(layout.combiner()).isEqualTo(Combiner.CONCAT);
        assertThat(layout.parameterCount(8)).isEqualTo(80);
        assertThat(layout.achievedRatio()).isEqualTo(0.1);
        for (int e = 0; e < 100; e++) {
            for (int z = 0; z < 2; z++) {
                assertThat(layout.row(e, z)).isEqualTo((int) Long.remainderUnsigned(xxh64.hash(e, s[z]), 20));
            }
        }
    }

    @Test
    void sameRequestSameLayoutAndSeedsDiffer() {
        LayoutRequest request = new LayoutRequest(20_000, 16, 0.1, 4, "xxh3", 5);
        int[] first = BloomCompressorTest.allRows(EmbeddingCompressors.layout(robe, request));
        assertThat(BloomCompressorTest.allRows(EmbeddingCompressors.layout(robe, request))).isEqualTo(first);
        int[] other = BloomCompressorTest.allRows(EmbeddingCompressors.layout(robe,
                new LayoutRequest(20_000, 16, 0.1, 4, "xxh3", 6)));
        int same = 0;
        for (int i = 0; i < first.length; i++) {
            same += first[i] == other[i] ? 1 : 0;
        }
        // 80,000 lookups into 8,000 rows: about 10 agree by chance
        assertThat(same).isLessThan(40);
    }

    @Test
    void blocksAreIndependent() {
        int n = 100_000;
        EmbeddingLayout layout = EmbeddingCompressors.layout(robe, new LayoutRequest(n, 32, 0.0025, 4, "murmur3_32", 3));
        assertThat(LookupIndependenceTest.dependentLookups(BloomCompressorTest.allRows(layout), n, 4,
                layout.tableRows(0))).isEmpty();
    }

    @Test
    void blocksThatDoNotDivideTheDimensionAreRefused() {
        assertThatThrownBy(() -> EmbeddingCompressors.layout(robe, new LayoutRequest(10, 10, 0.5, 3, "xxh3", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numHashes = 3")
                .hasMessageContaining("dimension 10");
    }
}
