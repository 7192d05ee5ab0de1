package io.bloomfit.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /**
     * Hand-computed: plain 0.20, 0.21, 0.19 and a method 0.21, 0.23, 0.22 over repeats 0..2 give differences 0.01,
     * 0.02, 0.03: mean 0.02, sd sqrt((0.0001 + 0 + 0.0001) / 2) = 0.01, standard error 0.01 / sqrt(3) = 0.0057735,
     * t = 3.4641016 with 2 degrees of freedom, so p = 1 - t / sqrt(2 + t^2) = 0.0741799 (the closed form of df 2),
     * and the 95% interval 0.02 +- 4.3026527 * 0.0057735 = [-0.0048414, 0.0448414]: it includes 0, within noise.
     */
    @Test
    void pairedStatisticsMatchAHandComputedCase() {
        PairedComparison c = PairedComparison.of(Map.of(0, 0.21, 1, 0.23, 2, 0.22), Map.of(0, 0.20, 1, 0.21, 2, 0.19));
        assertThat(c.pairs()).isEqualTo(3);
        assertThat(c.difference().mean()).isCloseTo(0.02, within(1e-12));
        assertThat(c.difference().sd()).isCloseTo(0.01, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.0741799, within(1e-7));
        assertThat(c.difference().low()).isCloseTo(-0.0048414, within(1e-7));
        assertThat(c.difference().high()).isCloseTo(0.0448414, within(1e-7));
        assertThat(c.verdict()).isEqualTo(PairedComparison.Verdict.WITHIN_NOISE);
    }

    /**
     * Differences 0.010, 0.012, 0.011, 0.013 (method minus plain): mean 0.0115, sd sqrt(0.000005 / 3) = 0.00129099,
     * interval 0.0115 +- 3.182446 * 0.00129099 / 2 = [0.0094457, 0.0135543], entirely above 0.
     */
    @Test
    void aDifferenceBeyondNoiseIsHigherOrLower() {
        Map<Integer, Double> plain = Map.of(0, 0.1, 1, 0.1, 2, 0.1, 3, 0.1);
        PairedComparison c = PairedComparison.of(Map.of(0, 0.110, 1, 0.112, 2, 0.111, 3, 0.113), plain);
        assertThat(c.difference().low()).isCloseTo(0.0094457, within(1e-6));
        assertThat(c.difference().high()).isCloseTo(0.0135543, within(1e-6));
        assertThat(c.verdict()).isEqualTo(PairedComparison.Verdict.HIGHER);
        assertThat(PairedComparison.of(Map.of(0, 0.090, 1, 0.088, 2, 0.089, 3, 0.087), plain).verdict())
                .isEqualTo(PairedComparison.Verdict.LOWER);
    }

    @Test
    void onlyRepeatsBothSidesFinishedArePairedAndOneIsTooFew() {
        PairedComparison c = PairedComparison.of(Map.of(0, 0.3, 1, Double.NaN, 2, 0.5), Map.of(0, 0.2, 1, 0.2));
        assertThat(c.pairs()).isEqualTo(1);
        assertThat(c.pValue()).isNaN();
        assertThat(c.difference().sd()).isNaN();
        assertThat(c.verdict()).isEqualTo(PairedComparison.Verdict.TOO_FEW_REPEATS);
    }

    @Test
    void aSingleValueHasAMeanButNoSpread() {
        MeanInterval one = MeanInterval.of(new double[] {0.25});
        assertThat(one.mean()).isEqualTo(0.25);
        assertThat(one.sd()).isNaN();
        assertThat(one.hasInterval()).isFalse();
        // {0.2, 0.4}: sd 0.1414214, interval 0.3 +- 12.7062047 * 0.1414214 / sqrt(2) = 0.3 +- 1.2706205
        MeanInterval two = MeanInterval.of(new double[] {0.2, Double.NaN, 0.4});
        assertThat(two.n()).isEqualTo(2);
        assertThat(two.low()).isCloseTo(0.3 - 1.2706205, within(1e-6));
        assertThat(two.high()).isCloseTo(0.3 + 1.2706205, within(1e-6));
    }
}
