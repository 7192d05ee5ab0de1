package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.tune.TuneMetric;
import io.bloomfit.experiment.tune.TuneSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuneSpecTest {

    @Test
    void withoutTheSectionNothingIsTunedAndTheCanonicalFormIsUnchanged() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.tune()).isNull();
        assertThat(spec.source()).doesNotContain("\"tune\"");
    }

    @Test
    void theIssuesSectionBindsAndMissingKeysTakeTheModelsValues() {
        ExperimentSpec spec = Fixtures.read(Fixtures.SPEC + """
                tune:
                  metric: ndcg-at-10
                  validation: 0.1
                  learningRate: [0.001, 0.003, 0.01]
                  l2: [0.0, 1.0e-6, 1.0e-4]
                  epochs: {max: 30, patience: 3}
                """, "tune.yaml");
        assertThat(spec.tune()).isEqualTo(new TuneSpec(TuneMetric.NDCG_AT_10, 0.1, List.of(0.001, 0.003, 0.01),
                List.of(0.0, 1e-6, 1e-4), new TuneSpec.Epochs(30, 3)));
        assertThat(spec.tune().combinations()).isEqualTo(9);
        assertThat(spec.source()).contains("\"tune\" : {", "\"metric\" : \"ndcg-at-10\"", "\"max\" : 30");
        // the fixture spec's model: learningRate 0.01, l2 1e-6, 2 epochs
        TuneSpec defaults = Fixtures.read(Fixtures.SPEC + "tune: {learningRate: [0.1]}\n", "tune.yaml").tune();
        assertThat(defaults).isEqualTo(new TuneSpec(TuneMetric.MRR, 0.1, List.of(0.1), List.of(1e-6),
                new TuneSpec.Epochs(2, 3)));
    }

    @Test
    void everyProblemIsReportedAtItsField() {
        assertThatThrownBy(() -> Fixtures.read(Fixtures.SPEC + """
                tune:
                  metric: auc
                  validation: 1.5
                  learningRate: []
                  epochs: {max: 0, patiense: 2}
                """, "tune.yaml")).isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                .extracting(SpecProblem::path).containsExactlyInAnyOrder("tune.metric", "tune.validation",
                        "tune.learningRate", "tune.epochs.patiense", "tune.epochs.max"));
    }
}
