package io.bloomfit.api.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainableWeightsTest {

    @Test
    void weightsLearnAtTheModelsRateUnlessAScaleIsSet() {
        TrainableWeights weights = TrainableWeights.perEntity(2, 2, new float[] {0.5f, 0.5f, 1, 2});
        assertThat(weights.learningRateScale()).isEqualTo(1.0);

        TrainableWeights scaled = weights.withLearningRateScale(0.01);
        assertThat(scaled.learningRateScale()).isEqualTo(0.01);
        assertThat(weights.learningRateScale()).as("the original is unchanged").isEqualTo(1.0);
        assertThat(scaled.rows()).isEqualTo(2);
        assertThat(scaled.width()).isEqualTo(2);
        assertThat(scaled.initial()).containsExactly(0.5f, 0.5f, 1f, 2f);
        assertThat(scaled.toString()).contains("learningRateScale=0.01");
    }

    @Test
    void aSharedTableKeepsItsRowsWhenScaled() {
        TrainableWeights scaled = TrainableWeights.shared(1, 2, new int[] {0, 0, 0}, new float[] {1, 1})
                .withLearningRateScale(0.5);
        assertThat(scaled.isShared()).isTrue();
        assertThat(scaled.row(2)).isZero();
        assertThat(scaled.entities()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void aScaleMustBeAFinitePositiveNumber(double scale) {
        TrainableWeights weights = TrainableWeights.perEntity(1, 1, new float[] {1});
        assertThatThrownBy(() -> weights.withLearningRateScale(scale)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRateScale").hasMessageContaining(String.valueOf(scale));
    }
}
