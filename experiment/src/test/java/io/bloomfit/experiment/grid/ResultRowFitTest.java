package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.FitReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A trainer's report copied into a result row's fit. */
class ResultRowFitTest {

    @Test
    void ofCopiesEveryFieldOfTheReport() {
        FitReport report = new FitReport(new double[] {1.5, 1.25}, new double[] {0.7, 0.6}, "gpu(0)", 4, 99);

        ResultRow.Fit fit = ResultRow.Fit.of("djl", PluginOptions.NONE, report, null);

        assertThat(fit.trainer()).isEqualTo("djl");
        assertThat(fit.device()).isEqualTo("gpu(0)");
        assertThat(fit.threads()).isEqualTo(4);
        assertThat(fit.secondsPerEpoch()).containsExactly(1.5, 1.25);
        assertThat(fit.lossPerEpoch()).containsExactly(0.7, 0.6);
        assertThat(fit.fitSeconds()).isEqualTo(2.75);
        assertThat(fit.meanSecondsPerEpoch()).isEqualTo(1.375);
        assertThat(fit.tuned()).isNull();
    }
}
