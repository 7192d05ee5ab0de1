package io.bloomfit.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    /** Closed forms: df 1 is Cauchy, F = 1/2 + atan(t)/pi; df 2: F = 1/2 + t / (2 sqrt(2 + t^2)). */
    @Test
    void distributionFunctionMatchesTheClosedFormsOfOneAndTwoDegrees() {
        for (double t = -8; t <= 8; t += 0.37) {
            assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-12));
            assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-12));
            // df 3: F = 1/2 + (t / (sqrt(3) (1 + t^2 / 3)) + atan(t / sqrt(3))) / pi
            double three = 0.5 + (t / (Math.sqrt(3) * (1 + t * t / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;
            assertThat(StudentT.cdf(t, 3)).isCloseTo(three, within(1e-12));
        }
    }

    /** Two-sided 5% critical values from the published t table (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2). */
    @Test
    void quantilesMatchThePublishedTable() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706, within(5e-4));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.303, within(5e-4));
        assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.776, within(5e-4));
        assertThat(StudentT.quantile(0.975, 9)).isCloseTo(2.262, within(5e-4));
        assertThat(StudentT.quantile(0.975, 29)).isCloseTo(2.045, within(5e-4));
        assertThat(StudentT.quantile(0.975, 100)).isCloseTo(1.984, within(5e-4));
        assertThat(StudentT.quantile(0.995, 10)).isCloseTo(3.169, within(5e-4));
        // towards the normal distribution's 1.959964
        assertThat(StudentT.quantile(0.975, 1e7)).isCloseTo(1.959964, within(1e-5));
        assertThat(StudentT.quantile(0.025, 4)).isCloseTo(-2.776, within(5e-4));
    }

    @Test
    void twoSidedPIsTwiceTheUpperTail() {
        // df 2, t = 2 sqrt(3): 1 - t / sqrt(2 + t^2) = 1 - 3.4641016 / 3.7416574 = 0.0741799
        assertThat(StudentT.twoSidedP(2 * Math.sqrt(3), 2)).isCloseTo(0.0741799, within(1e-7));
        assertThat(StudentT.twoSidedP(0, 5)).isCloseTo(1.0, within(1e-12));
        assertThat(StudentT.twoSidedP(Double.POSITIVE_INFINITY, 5)).isZero();
    }
}
