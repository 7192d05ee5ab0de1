package io.bloomfit.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every number in summary.csv has one format (ratio {@code 1} for plain beside {@code 0.500000} was a bug). */
class SummaryCsvTest {

    @Test
    void ratiosAndMetricsShareOneShortestDecimalFormat() {
        assertThat(SummaryCsv.num(1.0)).isEqualTo("1");
        assertThat(SummaryCsv.num(0.5)).isEqualTo("0.5");
        assertThat(SummaryCsv.num(0.2)).isEqualTo("0.2");
        assertThat(SummaryCsv.num(86_600)).isEqualTo("86600");
        assertThat(SummaryCsv.num(0.0599)).isEqualTo("0.0599");
        assertThat(SummaryCsv.num(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(SummaryCsv.num(-0.0)).isEqualTo("0");
        assertThat(SummaryCsv.num(2.5e-7)).isEqualTo("0.00000025");
        assertThat(SummaryCsv.num(Double.NaN)).isEmpty();
    }
}
