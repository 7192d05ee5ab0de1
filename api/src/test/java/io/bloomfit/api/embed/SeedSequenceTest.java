package io.bloomfit.api.embed;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

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

    /** The JDK's SplittableRandom is an independent implementation of the same generator. */
    @Property(tries = 200)
    void equalsTheJdksSplittableRandom(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int j) {
        SplittableRandom reference = new SplittableRandom(seed);
        long expected = 0;
        for (int i = 0; i <= j; i++) {
            expected = reference.nextLong();
        }

        assertThat(SeedSequence.seed(seed, j)).isEqualTo(expected);
        assertThat(SeedSequence.seeds(seed, j + 1)[j]).isEqualTo(expected);
    }

    @Test
    void rejectsNegativeIndexNamingIt() {
        assertThatThrownBy(() -> SeedSequence.seed(1, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
    }
}
