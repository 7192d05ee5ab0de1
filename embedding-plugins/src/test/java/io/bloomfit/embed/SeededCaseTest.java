package io.bloomfit.embed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeededCaseTest {

    @Test
    void aFailingLawNamesTheCaseAndItsValuesAndTheEndsComeFirst() {
        List<SeededCase> cases = SeededCase.cases(4).toList();
        SeededCase lowest = cases.get(0);
        SeededCase highest = cases.get(1);

        assertThat(lowest.ratioBetween("ratio", 1e-4, 3.0, 6)).isEqualTo(1e-4);
        assertThat(lowest.anyLong("seed")).isEqualTo(Long.MIN_VALUE);
        assertThat(highest.intBetween("k", 1, 8)).isEqualTo(8);
        assertThat(highest.oneOf("hash", List.of("xxh3", "xxh64"))).isEqualTo("xxh64");
        assertThatThrownBy(() -> highest.check(() -> assertThat(1).isZero()))
                .hasMessageStartingWith("case 2 of 4 (seed ").hasMessageContaining("k=8, hash=xxh64");
        int n = cases.get(3).intBetween("n", 1, 3000);
        assertThat(n).isBetween(1, 3000);
        assertThat(SeededCase.cases(4).skip(3).findFirst().orElseThrow().intBetween("n", 1, 3000)).isEqualTo(n);
    }
}
