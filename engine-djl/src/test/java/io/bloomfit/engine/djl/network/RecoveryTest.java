package io.bloomfit.engine.djl.network;

import io.bloomfit.api.train.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The likelihood recovery on a hand-built case. */
class RecoveryTest {

    @Test
    void ranksThePlantedItemFirst() {
        // m = 6 outputs with probabilities 0.4, 0.3, 0.1, 0.1, 0.05, 0.05; k = 2 positions per item:
        //   item 0 -> {2, 3}: ln 0.1 + ln 0.1  = -2.3026 - 2.3026 = -4.6052
        //   item 1 -> {0, 1}: ln 0.4 + ln 0.3  = -0.9163 - 1.2040 = -2.1203   (planted: both its bits are likely)
        //   item 2 -> {0, 4}: ln 0.4 + ln 0.05 = -0.9163 - 2.9957 = -3.9120   (shares one likely bit with item 1)
        //   item 3 -> {5, 5}: 2 ln 0.05         = -5.9915                   (a repeated position counts twice)
        double[] p = {0.4, 0.3, 0.1, 0.1, 0.05, 0.05};
        float[] logP = new float[p.length + 3];
        for (int i = 0; i < p.length; i++) {
            logP[3 + i] = (float) Math.log(p[i]); // at offset 3, as row 1 of a batch would be read
        }
        int[] positions = {2, 3, 0, 1, 0, 4, 5, 5};

        float[] scores = BloomNetworkModel.recover(logP, 3, positions, 2);

        assertThat(scores).hasSize(4);
        assertThat((double) scores[0]).isCloseTo(-4.6052, within(1e-4));
        assertThat((double) scores[1]).isCloseTo(-2.1203, within(1e-4));
        assertThat((double) scores[2]).isCloseTo(-3.9120, within(1e-4));
        assertThat((double) scores[3]).isCloseTo(-5.9915, within(1e-4));
        assertThat(scores[1]).isGreaterThan(scores[2]).isGreaterThan(scores[0]).isGreaterThan(scores[3]);
    }

    @Test
    void aNetworkModelScoresAndRanksThroughTheOneTrainedModelImplementation() throws NoSuchMethodException {
        // the recovered row is ranked and read by TrainedModel's defaults (ties, NaN and exclusion as they say)
        assertThat(BloomNetworkModel.class.getMethod("recommend", int.class, int.class, int[].class)
                .getDeclaringClass()).isEqualTo(TrainedModel.class);
        assertThat(BloomNetworkModel.class.getMethod("score", int.class, int[].class).getDeclaringClass())
                .isEqualTo(TrainedModel.class);
    }
}
