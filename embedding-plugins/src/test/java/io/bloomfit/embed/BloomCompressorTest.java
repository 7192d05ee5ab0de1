package io.bloomfit.embed;

import io.bloomfit.api.embed.SeedSequence;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BloomCompressorTest {

    private final BloomCompressor bloom = new BloomCompressor();

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(150);
    }

    /** Over every available hash function: m = max(1, ratio * n) up to rounding, k lookups, all rows in table 0. */
    @ParameterizedTest
    @MethodSource("layoutCases")
    void everyLookupIsInRange(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-4, 3.0, 6);
        int k = c.intBetween("k", 1, 8);
        long seed = c.anyLong("seed");
        String hash = c.oneOf("hash", List.copyOf(HashFunctions.available()));
        c.check(() -> {
            LayoutRequest request = new LayoutRequest(n, 4, ratio, k, hash, seed);
            EmbeddingLayout layout = EmbeddingCompressors.layout(bloom, request);

            int m = layout.tableRows(0);
            assertThat((double) m).isCloseTo(Math.max(1, ratio * n), within(1.0));
            assertThat(layout.numLookups()).isEqualTo(k);
            for (int e = 0; e < n; e++) {
                for (int j = 0; j < k; j++) {
                    assertThat(layout.row(e, j)).isBetween(0, m - 1);
                    assertThat(layout.table(e, j)).isZero();
                }
            }
        });
    }

    /**
     * The definition, with the seeds from the JDK's SplittableRandom (an independent SplitMix64) rather than
     * from {@link SeedSequence}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xxh3", "xxh64", "murmur3_32"})
    void rowsFollowTheDefinition(String hashName) {
        long seed = 0xC0FFEEL;
        LayoutRequest request = new LayoutRequest(5000, 16, 0.3, 3, hashName, seed);
        EmbeddingLayout layout = EmbeddingCompressors.layout(bloom, request);

        HashFunction hash = HashFunctions.forName(hashName);
        SplittableRandom splitMix = new SplittableRandom(seed);
        long[] seeds = {splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong()};
        assertThat(layout.tableRowCounts()).containsExactly(1500);
        for (int e = 0; e < 5000; e++) {
            for (int j = 0; j < 3; j++) {
                assertThat(layout.row(e, j)).isEqualTo((int) Long.remainderUnsigned(hash.hash(e, seeds[j]), 1500));
            }
        }
    }

    @Test
    void sameRequestGivesIdenticalLayout() {
        LayoutRequest request = new LayoutRequest(200_000, 8, 0.2, 4, "xxh3", 42);
        EmbeddingLayout first = EmbeddingCompressors.layout(bloom, request);
        EmbeddingLayout second = EmbeddingCompressors.layout(bloom, request);

        assertThat(allRows(second)).isEqualTo(allRows(first));
        assertThat(second.tableRowCounts()).isEqualTo(first.tableRowCounts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxh3", "xxh64", "murmur3_32"})
    void differentSeedsGiveDifferentLayouts(String hash) {
        int[] a = allRows(EmbeddingCompressors.layout(bloom, new LayoutRequest(10_000, 8, 0.2, 4, hash, 1)));
        int[] b = allRows(EmbeddingCompressors.layout(bloom, new LayoutRequest(10_000, 8, 0.2, 4, hash, 2)));

        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        // Independent layouts agree on a lookup with probability 1/m = 1/2000: about 20 of 40,000.
        assertThat(same).isLessThan(80);
    }

    @Test
    void meanByDefaultSumUnderItsOwnNameWithTheSameRows() {
        LayoutRequest request = new LayoutRequest(1000, 8, 0.5, 3, "xxh64", 7);
        EmbeddingLayout mean = EmbeddingCompressors.layout("bloom", request);
        EmbeddingLayout sum = EmbeddingCompressors.layout("bloom-sum", request);

        assertThat(mean.combiner()).isEqualTo(Combiner.MEAN);
        assertThat(mean.compressor()).isEqualTo("bloom");
        assertThat(sum.combiner()).isEqualTo(Combiner.SUM);
        assertThat(sum.compressor()).isEqualTo("bloom-sum");
        assertThat(allRows(sum)).isEqualTo(allRows(mean));
        assertThat(mean.kind()).isEqualTo(LookupKind.PLAIN_ROWS);
    }

    @Test
    void parallelBuildDoesNotDependOnChunking() {
        // Larger than one chunk (2^15 entities): chunks computed in parallel must equal a sequential pass.
        LayoutRequest request = new LayoutRequest(100_003, 8, 0.1, 2, "xxh3", 3);
        EmbeddingLayout layout = EmbeddingCompressors.layout(bloom, request);
        HashFunction hash = HashFunctions.forName("xxh3");
        long[] seeds = SeedSequence.seeds(3, 2);
        int m = layout.tableRows(0);
        for (int e = 0; e < 100_003; e += 7) {
            assertThat(layout.row(e, 1)).isEqualTo((int) Long.remainderUnsigned(hash.hash(e, seeds[1]), m));
        }
    }

    @Test
    void missingHashFunctionNamesTheFieldAndCompressor() {
        assertThatThrownBy(() -> EmbeddingCompressors.layout(bloom, new LayoutRequest(10, 8, 0.5, 2, null, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bloom")
                .hasMessageContaining("hashFunction");
    }

    @Test
    void unknownHashFunctionListsTheAvailableOnes() {
        assertThatThrownBy(() -> EmbeddingCompressors.layout(bloom, new LayoutRequest(10, 8, 0.5, 2, "nope", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope")
                .hasMessageContaining("xxh3");
    }

    @Test
    void tooManyLookupsNamesEntitiesAndHashes() {
        assertThatThrownBy(() -> EmbeddingCompressors.layout(bloom, new LayoutRequest(600_000_000, 8, 1e-6, 4, "xxh3",
                1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numEntities 600000000")
                .hasMessageContaining("numHashes 4");
    }

    static int[] allRows(EmbeddingLayout layout) {
        int k = layout.numLookups();
        int[] rows = new int[layout.numEntities() * k];
        for (int e = 0; e < layout.numEntities(); e++) {
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = layout.row(e, j);
            }
        }
        return rows;
    }
}
