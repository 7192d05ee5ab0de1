package io.bloomfit.embed;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.Combiner;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.embed.TrainableWeights;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HashEmbeddingCompressorTest {

    private final HashEmbeddingCompressor compressor = new HashEmbeddingCompressor();

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(100);
    }

    /** Pool rows and weight rows in range; the pool is bloom's table, the weights at most half its floats. */
    @ParameterizedTest
    @MethodSource("layoutCases")
    void everyLookupAndWeightRowIsInRangeAndTheBudgetHolds(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-3, 2.0, 4);
        int k = c.intBetween("k", 1, 6);
        int d = c.intBetween("d", 1, 64);
        long seed = c.anyLong("seed");
        String hash = c.oneOf("hash", List.copyOf(HashFunctions.available()));
        c.check(() -> {
            LayoutRequest request = new LayoutRequest(n, d, ratio, k, hash, seed);
            EmbeddingLayout layout = EmbeddingCompressors.layout(compressor, request);
            TrainableWeights weights = layout.asTrainableWeights().weights();
            assertThat(layout.kind()).isEqualTo(LookupKind.TRAINABLE_WEIGHTS);
            assertThat(layout.numLookups()).isEqualTo(k);
            for (int e = 0; e < n; e++) {
                assertThat(weights.row(e)).isBetween(0, weights.rows() - 1);
                for (int j = 0; j < k; j++) {
                    assertThat(layout.row(e, j)).isBetween(0, layout.tableRows(0) - 1);
                }
            }
            int bloomRows = EmbeddingCompressors.layout("bloom", request).tableRows(0);
            assertThat(layout.tableRows(0)).isEqualTo(bloomRows);
            long poolFloats = (long) bloomRows * d;
            // at least one weight row of k weights, else at most half the pool's floats
            assertThat(weights.parameterCount()).isLessThanOrEqualTo(Math.max(k, poolFloats / 2));
            assertThat(layout.parameterCount(d)).isEqualTo(poolFloats + weights.parameterCount());
        });
    }

    /**
     * n = 10, k = 2, d = 4, ratio 0.5: the pool has bloom's 5 rows = 20 floats; n * k = 20 weights exceed half of
     * 20, so the weight table is hashed into floor(20 / 2 / 2) = 5 rows. Lookup j is h(e, s_j) mod 5 and the weight
     * row h(e, s_2) mod 5, with s_0, s_1, s_2 the first outputs of the JDK's SplittableRandom (SplitMix64) from the
     * request seed; every weight starts at 1/2. Parameters: 5 * 4 + 5 * 2 = 30.
     */
    @Test
    void smallCaseByHand() {
        long seed = 99;
        EmbeddingLayout layout = EmbeddingCompressors.layout(compressor, new LayoutRequest(10, 4, 0.5, 2, "xxh3", seed));
        HashFunction xxh3 = HashFunctions.forName("xxh3");
        SplittableRandom splitMix = new SplittableRandom(seed);
        long[] s = {splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong()};

        assertThat(layout.tableRowCounts()).containsExactly(5);
        assertThat(layout.asTrainableWeights().weights().rows()).isEqualTo(5);
        assertThat(layout.asTrainableWeights().weights().isShared()).isTrue();
        assertThat(layout.combiner()).isEqualTo(Combiner.SUM);
        assertThat(layout.parameterCount(4)).isEqualTo(30);
        assertThat(layout.achievedRatio()).isEqualTo(0.75); // 30 / (10 * 4)
        for (int e = 0; e < 10; e++) {
            assertThat(layout.row(e, 0)).isEqualTo((int) Long.remainderUnsigned(xxh3.hash(e, s[0]), 5));
            assertThat(layout.row(e, 1)).isEqualTo((int) Long.remainderUnsigned(xxh3.hash(e, s[1]), 5));
            assertThat(layout.asTrainableWeights().weights().row(e))
                    .isEqualTo((int) Long.remainderUnsigned(xxh3.hash(e, s[2]), 5));
            assertThat(layout.weight(e, 0)).isEqualTo(0.5f);
            assertThat(layout.weight(e, 1)).isEqualTo(0.5f);
        }
        // the importance weights learn at a hundredth of the model's rate, shared or per entity
        assertThat(layout.asTrainableWeights().weights().learningRateScale()).isEqualTo(0.01);
        assertThat(EmbeddingCompressors.layout(compressor, new LayoutRequest(10, 64, 0.5, 2, "xxh3", seed))
                .asTrainableWeights().weights().learningRateScale()).isEqualTo(0.01);
    }

    /**
     * n = 4, k = 1, d = 4, ratio 0.25: a pool of 1 row = 4 floats; 4 weights exceed half of that, so they are hashed
     * into floor(4 / 2 / 1) = 2 rows. With d = 8 (8 floats, half 4) the 4 weights fit: each entity has its own, and
     * though all four read the one pool row, none shares its signature: each is the row times a weight of its own.
     */
    @Test
    void ownWeightsKeepEntitiesApartOnOneSharedRow() {
        assertThat(EmbeddingCompressors.layout(compressor, new LayoutRequest(4, 4, 0.25, 1, "xxh64", 1))
                .asTrainableWeights().weights().rows()).isEqualTo(2);
        EmbeddingLayout layout = EmbeddingCompressors.layout(compressor, new LayoutRequest(4, 8, 0.25, 1, "xxh64", 1));

        assertThat(layout.tableRowCounts()).containsExactly(1);
        assertThat(layout.asTrainableWeights().weights().isShared()).isFalse();
        assertThat(CollisionStats.of(layout).entitiesSharingSignature()).isZero();
        assertThat(CollisionStats.of(layout).maxEntitiesPerRow()).isEqualTo(4);
        assertThat(layout.parameterCount(8)).isEqualTo(12);
        assertThat(layout.achievedRatio()).isEqualTo(0.375); // 12 / (4 * 8)
    }

    @Test
    void sameRequestSameLayoutAndSeedsDiffer() {
        LayoutRequest request = new LayoutRequest(20_000, 16, 0.2, 2, "murmur3_32", 5);
        assertThat(BloomCompressorTest.allRows(EmbeddingCompressors.layout(compressor, request)))
                .isEqualTo(BloomCompressorTest.allRows(EmbeddingCompressors.layout(compressor, request)));
        int[] a = BloomCompressorTest.allRows(EmbeddingCompressors.layout(compressor, request));
        int[] b = BloomCompressorTest.allRows(EmbeddingCompressors.layout(compressor,
                new LayoutRequest(20_000, 16, 0.2, 2, "murmur3_32", 6)));
        int pool = EmbeddingCompressors.layout(compressor, request).tableRows(0);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        // independent layouts agree on a lookup with probability 1 / pool: 40,000 / pool expected
        assertThat(same).isLessThan(3 * a.length / pool + 20);
    }

    @Test
    void lookupsAreIndependent() {
        int n = 100_000;
        EmbeddingLayout layout = EmbeddingCompressors.layout(compressor, new LayoutRequest(n, 32, 0.02, 4, "xxh3", 2024));
        assertThat(LookupIndependenceTest.dependentLookups(BloomCompressorTest.allRows(layout), n, 4,
                layout.tableRows(0))).isEmpty();
    }
}
