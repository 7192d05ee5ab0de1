package io.bloomfit.embed;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DheCompressorTest {

    private final DheCompressor dhe = new DheCompressor();

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(60);
    }

    @ParameterizedTest
    @MethodSource("layoutCases")
    void featuresAreInRangeAndTheNetworkFitsTheBudget(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-2, 2.0, 3);
        int d = c.intBetween("d", 1, 32);
        long seed = c.anyLong("seed");
        String hash = c.oneOf("hash", List.copyOf(HashFunctions.available()));
        c.check(() -> {
            EmbeddingLayout layout = EmbeddingCompressors.layout(dhe, new LayoutRequest(n, d, ratio, 2, hash, seed));
            EntityEncoder encoder = layout.asEncoder().encoder();
            assertThat(layout.kind()).isEqualTo(LookupKind.ENCODER);
            assertThat(encoder.outputWidth()).isEqualTo(d);
            long budget = (long) layout.parameterCount(d);
            long bloomFloats = (long) EmbeddingCompressors.layout("bloom", new LayoutRequest(n, d, ratio, 2, hash, seed))
                    .totalRows() * d;
            // the smallest network (1 feature, hidden = d) may exceed a tiny budget; otherwise it fits
            assertThat(budget).isLessThanOrEqualTo(Math.max(bloomFloats, 2L * d + (long) (d + 1) * d));
            int[] some = IntStream.range(0, Math.min(n, 50)).toArray();
            float[] x = new float[some.length * encoder.numFeatures()];
            encoder.features(some, x);
            for (float v : x) {
                assertThat(v).isBetween(-1f, 1f);
            }
        });
    }

    /**
     * n = 1000, d = 8, ratio 0.5: budget 500 * 8 = 4000 floats. With 1024 features the hidden width would be
     * (4000 - 8) / (1024 + 1 + 8) = 3 < 8, so h = 8 and F = (4000 - 8 - 64 - 8) / 8 = 490: (490 + 1) * 8 + (8 + 1) * 8
     * = 3928 + 72 = 4000 parameters. Feature j of e is 2 * (h(e, s_j) mod 10^6) / 999999 - 1, s_j from the JDK's
     * SplitMix64.
     */
    @Test
    void smallCaseByHand() {
        long seed = 12;
        EmbeddingLayout layout = EmbeddingCompressors.layout(dhe, new LayoutRequest(1000, 8, 0.5, 3, "xxh3", seed));
        EntityEncoder encoder = layout.asEncoder().encoder();
        assertThat(encoder.numFeatures()).isEqualTo(490);
        assertThat(encoder.layerWidths()).containsExactly(8, 8);
        assertThat(layout.parameterCount(8)).isEqualTo(4000);
        assertThat(layout.totalRows()).isEqualTo(500);
        assertThat(layout.achievedRatio()).isEqualTo(0.5);

        HashFunction xxh3 = HashFunctions.forName("xxh3");
        SplittableRandom splitMix = new SplittableRandom(seed);
        long[] s = {splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong()};
        float[] x = new float[2 * 490];
        encoder.features(new int[] {0, 777}, x);
        for (int j = 0; j < 3; j++) {
            assertThat(x[j]).isEqualTo((float) (2.0 * Long.remainderUnsigned(xxh3.hash(0, s[j]), 1_000_000) / 999_999 - 1));
            assertThat(x[490 + j])
                    .isEqualTo((float) (2.0 * Long.remainderUnsigned(xxh3.hash(777, s[j]), 1_000_000) / 999_999 - 1));
        }
    }

    /** A large budget keeps the paper's 1024 features and widens the hidden layer instead, up to the cap. */
    @Test
    void largeBudgetsKeep1024Features() {
        // budget 100,000 * 32 * 0.1 = 320,000: h = (320,000 - 32) / 1057 = 302
        assertThat(DheCompressor.shape(320_000, 32, DheCompressor.FEATURES, DheCompressor.MAX_HIDDEN)).isEqualTo(new DheCompressor.Shape(1024, 302));
        assertThat(DheCompressor.shape(1L << 40, 32, DheCompressor.FEATURES, DheCompressor.MAX_HIDDEN).hidden()).isEqualTo(DheCompressor.MAX_HIDDEN);
    }

    @Test
    void sameRequestSameFeaturesSeedsDifferAndNoEntitiesShare() {
        LayoutRequest request = new LayoutRequest(5000, 16, 0.2, 1, "murmur3_32", 4);
        int[] all = IntStream.range(0, 5000).toArray();
        EntityEncoder a = EmbeddingCompressors.layout(dhe, request).asEncoder().encoder();
        EntityEncoder b = EmbeddingCompressors.layout(dhe, request).asEncoder().encoder();
        EntityEncoder other = EmbeddingCompressors.layout(dhe, new LayoutRequest(5000, 16, 0.2, 1, "murmur3_32", 5))
                .asEncoder().encoder();
        float[] xa = new float[all.length * a.numFeatures()];
        float[] xb = new float[xa.length];
        float[] xo = new float[xa.length];
        a.features(all, xa);
        b.features(all, xb);
        other.features(all, xo);
        assertThat(xb).isEqualTo(xa);
        int same = 0;
        for (int i = 0; i < xa.length; i++) {
            same += xa[i] == xo[i] ? 1 : 0;
        }
        assertThat(same).isLessThan(20); // buckets of 10^6: about xa.length / 10^6 agree by chance
        assertThat(CollisionStats.of(EmbeddingCompressors.layout(dhe, request)).entitiesSharingSignature()).isZero();
    }

    /** The features of one entity must be independent hashes: seen as lookups into 10^6 buckets, the same check as bloom. */
    @Test
    void featuresAreIndependent() {
        int n = 100_000;
        EntityEncoder encoder = EmbeddingCompressors.layout(dhe, new LayoutRequest(n, 32, 0.2, 1, "xxh3", 8))
                .asEncoder().encoder();
        int k = 4;
        int m = 1000;
        int[] buckets = new int[n * k];
        for (int e = 0; e < n; e++) {
            for (int j = 0; j < k; j++) {
                buckets[e * k + j] = (int) (encoder.bucket(e, j) % m);
            }
        }
        assertThat(LookupIndependenceTest.dependentLookups(buckets, n, k, m)).isEmpty();
    }

    @Test
    void rowLookupsAreRefusedWithAMessage() {
        EmbeddingLayout layout = EmbeddingCompressors.layout(dhe, new LayoutRequest(10, 4, 0.5, 1, "xxh3", 1));
        assertThatThrownBy(() -> layout.row(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encoder");
    }
}
