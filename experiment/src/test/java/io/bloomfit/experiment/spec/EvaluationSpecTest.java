package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.experiment.DatasetPreparer;
import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.Fixtures;
import org.junit.jupiter.api.Test;

class EvaluationSpecTest {

    @Test
    void withoutTheSectionEveryTestUserIsScoredAndTheCanonicalFormIsUnchanged() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.evaluation().sampled()).isFalse();
        assertThat(spec.source()).doesNotContain("\"evaluation\"");
    }

    @Test
    void aSeededSampleIsTheSameForEveryPreparationAndTheDescriptionStatesItsSize() {
        ExperimentSpec spec = Fixtures.read(Fixtures.SPEC + "evaluation: {users: 200, seed: 5}\n", "sample.yaml");
        assertThat(spec.evaluation()).isEqualTo(new EvaluationSpec(200, 5));
        assertThat(spec.source()).contains("\"evaluation\" : {", "\"users\" : 200", "\"seed\" : 5");
        ExperimentData a = DatasetPreparer.prepare(spec).data();
        ExperimentData b = DatasetPreparer.prepare(spec).data();
        assertThat(a.description()).contains("evaluation: a sample of 200 of ", " test users (seed 5)");
        assertThat(a.test().userArray()).containsExactly(b.test().userArray());
        assertThat(java.util.Arrays.stream(a.test().userArray()).distinct().count()).isEqualTo(200);
        assertThat(a.train().size()).isEqualTo(DatasetPreparer.prepare(Fixtures.spec()).data().train().size());
    }

    @Test
    void problemsNameTheirField() {
        assertThatThrownBy(() -> Fixtures.read(Fixtures.SPEC + "evaluation: {users: 0}\n", "bad.yaml"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).containsExactly(
                        new SpecProblem("evaluation.users", "must be a number of users >= 1 (leave it out to score "
                                + "all); was 0")));
        assertThatThrownBy(() -> Fixtures.read(Fixtures.SPEC + "evaluation: {seed: 3}\n", "bad.yaml"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).extracting(
                        SpecProblem::path).containsExactly("evaluation.seed"));
    }
}
