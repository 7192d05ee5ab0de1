package io.bloomfit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeededCaseTest {

    @Test
    void aFailingLawNamesTheCaseItsSeedAndEveryDrawnValue() {
        SeededCase third = SeededCase.cases(5).skip(2).findFirst().orElseThrow();
        int n = third.intBetween("n", 1, 10);
        String kind = third.oneOf("kind", List.of("a", "b"));

        assertThatThrownBy(() -> third.check(() -> assertThat(n).isNegative()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("case 3 of 5 (seed ")
                .hasMessageContaining("n=" + n + ", kind=" + kind)
                .hasMessageContaining("to be less than");
        assertThatThrownBy(() -> third.check(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("case 3 of 5").hasMessageContaining("boom");
    }

    @Test
    void theFirstTwoCasesTakeTheEndsOfEveryRange() {
        List<SeededCase> cases = SeededCase.cases(3).toList();

        assertThat(cases.get(0).intBetween("n", 3, 9)).isEqualTo(3);
        assertThat(cases.get(0).anyLong("seed")).isEqualTo(Long.MIN_VALUE);
        assertThat(cases.get(0).ratioBetween("ratio", 1e-3, 2.0, 4)).isEqualTo(1e-3);
        assertThat(cases.get(0).anyBoolean("b")).isFalse();
        assertThat(cases.get(1).intBetween("n", 3, 9)).isEqualTo(9);
        assertThat(cases.get(1).anyLong("seed")).isEqualTo(Long.MAX_VALUE);
        assertThat(cases.get(1).ratioBetween("ratio", 1e-3, 2.0, 4)).isEqualTo(2.0);
        assertThat(cases.get(1).oneOf("kind", List.of("a", "b", "c"))).isEqualTo("c");
    }

    @Test
    void everyRunDrawsTheSameValuesInRange() {
        List<String> first = SeededCase.cases(300).map(SeededCaseTest::drawAll).toList();
        List<String> second = SeededCase.cases(300).map(SeededCaseTest::drawAll).toList();

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void ratiosSpreadOverOrdersOfMagnitude() {
        long belowOneHundredth = SeededCase.cases(1000)
                .filter(c -> c.ratioBetween("ratio", 1e-4, 1.0, 6) < 0.01).count();

        // log-uniform over four decades: half the draws lie in the lower two (binomial sd 16 of 1000)
        assertThat(belowOneHundredth).isBetween(420L, 580L);
    }

    private static String drawAll(SeededCase c) {
        int n = c.intBetween("n", -5, 5);
        double ratio = c.ratioBetween("ratio", 0.01, 0.5, 3);
        assertThat(n).isBetween(-5, 5);
        assertThat(ratio).isBetween(0.01, 0.5);
        return c.toString();
    }
}
