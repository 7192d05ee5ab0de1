package io.bloomfit.api.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedSequenceTest {

    /**
     * SplitMix64 started at 1234567: the outputs of Vigna's reference splitmix64.c (prng.di.unimi.it) quoted by
     * many ports, unsigned decimal.
     */
    @Test
    void matchesPublishedSplitMix64Outputs() {
        long[] seeds = SeedSequence.seeds(1234567L, 5);

        assertThat(seeds).containsExactly(Long.parseUnsignedLong("6457827717110365317"),
                Long.parseUnsignedLong("3203168211198807973"), Long.parseUnsignedLong("9817491932198370423"),
                Long.parseUnsignedLong("4593380528125082431"), Long.parseUnsignedLong("16408922859458223821"));
    }

    /**
     * 200 (seed, j) cases drawn from a fixed seed with {@link Random} (not SplitMix64, the generator under test):
     * first the boundary seeds 0, -1, 1, {@link Long#MIN_VALUE}, {@link Long#MAX_VALUE} with j = 0 and j = 40, then
     * any seed with j in 0..40.
     */
    static Stream<Arguments> seedAndIndex() {
        long[] boundary = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE};
        Stream<Arguments> edges = IntStream.range(0, 2 * boundary.length)
                .mapToObj(i -> Arguments.of(boundary[i / 2], i % 2 == 0 ? 0 : 40));
        Random random = new Random(0x5EED_5E0L);
        Stream<Arguments> drawn = IntStream.range(0, 190).mapToObj(i -> Arguments.of(random.nextLong(), random.nextInt(41)));
        return Stream.concat(edges, drawn);
    }

    /** The JDK's SplittableRandom is an independent implementation of the same generator. */
    @ParameterizedTest(name = "seed {0}, j {1}")
    @MethodSource("seedAndIndex")
    void equalsTheJdksSplittableRandom(long seed, int j) {
        SplittableRandom reference = new SplittableRandom(seed);
        long expected = 0;
        for (int i = 0; i <= j; i++) {
            expected = reference.nextLong();
        }

        assertThat(SeedSequence.seed(seed, j)).as("seed(%d, %d)", seed, j).isEqualTo(expected);
        assertThat(SeedSequence.seeds(seed, j + 1)[j]).as("seeds(%d, %d)[%d]", seed, j + 1, j).isEqualTo(expected);
    }

    @Test
    void rejectsNegativeIndexNamingIt() {
        assertThatThrownBy(() -> SeedSequence.seed(1, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
    }
}
