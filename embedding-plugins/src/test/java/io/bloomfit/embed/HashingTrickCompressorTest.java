package io.bloomfit.embed;

import io.bloomfit.layout.CollisionStats;
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

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HashingTrickCompressorTest {

    static Stream<SeededCase> layoutCases() {
        return SeededCase.cases(100);
    }

    @ParameterizedTest
    @MethodSource("layoutCases")
    void oneLookupInRangeWithUnitSigns(SeededCase c) {
        int n = c.intBetween("n", 1, 3000);
        double ratio = c.ratioBetween("ratio", 1e-4, 3.0, 6);
        int numHashes = c.intBetween("numHashes", 1, 8);
        long seed = c.anyLong("seed");
        c.check(() -> {
            EmbeddingLayout layout = EmbeddingCompressors.layout("hashing-trick-signed", new LayoutRequest(n, 4,
                    ratio, numHashes, "xxh64", seed));

            assertThat(layout.numLookups()).isEqualTo(1);
            int m = layout.tableRows(0);
            for (int e = 0; e < n; e++) {
                assertThat(layout.row(e, 0)).isBetween(0, m - 1);
                assertThat(Math.abs(layout.weight(e, 0))).isEqualTo(1f);
            }
        });
    }

    /** Rows and signs from the definition, seeds from the JDK's SplittableRandom (an independent SplitMix64). */
    @ParameterizedTest
    @ValueSource(strings = {"xxh3", "murmur3_32"})
    void followsTheDefinition(String hashName) {
        LayoutRequest request = new LayoutRequest(3000, 8, 0.25, 1, hashName, 77);
        EmbeddingLayout unsigned = EmbeddingCompressors.layout("hashing-trick", request);
        EmbeddingLayout signed = EmbeddingCompressors.layout("hashing-trick-signed", request);

        HashFunction hash = HashFunctions.forName(hashName);
        SplittableRandom splitMix = new SplittableRandom(77);
        long rowSeed = splitMix.nextLong();
        long signSeed = splitMix.nextLong();
        assertThat(unsigned.kind()).isEqualTo(LookupKind.PLAIN_ROWS);
        assertThat(signed.kind()).isEqualTo(LookupKind.WEIGHTED_ROWS);
        assertThat(unsigned.combiner()).isEqualTo(Combiner.SUM);
        for (int e = 0; e < 3000; e++) {
            int row = (int) Long.remainderUnsigned(hash.hash(e, rowSeed), 750);
            assertThat(unsigned.row(e, 0)).isEqualTo(row);
            assertThat(signed.row(e, 0)).isEqualTo(row);
            assertThat(signed.weight(e, 0)).isEqualTo((hash.hash(e, signSeed) & 1) == 0 ? 1f : -1f);
        }
    }

    @Test
    void unsignedEqualsBloomWithOneLookupAndSameSeed() {
        LayoutRequest request = new LayoutRequest(20_000, 8, 0.1, 1, "xxh3", 5);
        assertThat(BloomCompressorTest.allRows(EmbeddingCompressors.layout(new HashingTrickCompressor(), request)))
                .isEqualTo(BloomCompressorTest.allRows(EmbeddingCompressors.layout(new BloomCompressor(), request)));
    }

    /**
     * Signs are balanced and independent of the row: among 100,000 entities the count of +1 is Binomial(n, 1/2)
     * (sd 158) and so is the count of +1 among entities with an even row (sd ~112); 5 sd each.
     */
    @ParameterizedTest
    @ValueSource(strings = {"xxh3", "xxh64", "murmur3_32"})
    void signsAreBalancedAndIndependentOfRows(String hash) {
        int n = 100_000;
        EmbeddingLayout layout = EmbeddingCompressors.layout(new SignedHashingTrickCompressor(), new LayoutRequest(n,
                8, 0.1, 1, hash, 9));
        int positive = 0;
        int even = 0;
        int positiveAndEven = 0;
        for (int e = 0; e < n; e++) {
            boolean plus = layout.weight(e, 0) > 0;
            boolean evenRow = layout.row(e, 0) % 2 == 0;
            positive += plus ? 1 : 0;
            even += evenRow ? 1 : 0;
            positiveAndEven += plus && evenRow ? 1 : 0;
        }
        assertThat(positive).isBetween(n / 2 - 5 * 158, n / 2 + 5 * 158);
        assertThat(positiveAndEven).isBetween(even / 2 - 5 * 112, even / 2 + 5 * 112);
    }

    @Test
    void signsSplitCollidingEntities() {
        // Same rows, different signs: two entities are told apart when their signs differ.
        LayoutRequest request = new LayoutRequest(100_000, 8, 0.5, 1, "xxh3", 3);
        CollisionStats unsigned = CollisionStats.of(EmbeddingCompressors.layout(new HashingTrickCompressor(), request));
        CollisionStats signed = CollisionStats.of(EmbeddingCompressors.layout(new SignedHashingTrickCompressor(),
                request));

        assertThat(signed.entitiesSharingSignature()).isLessThan(unsigned.entitiesSharingSignature());
        assertThat(signed.rowsUsed()).isEqualTo(unsigned.rowsUsed());
    }

    @Test
    void differentSeedsGiveDifferentLayouts() {
        int[] a = BloomCompressorTest.allRows(EmbeddingCompressors.layout(new HashingTrickCompressor(), 
                new LayoutRequest(10_000, 8, 0.2, 1, "xxh3", 1)));
        int[] b = BloomCompressorTest.allRows(EmbeddingCompressors.layout(new HashingTrickCompressor(), 
                new LayoutRequest(10_000, 8, 0.2, 1, "xxh3", 2)));
        assertThat(a).isNotEqualTo(b);
    }
}
