package io.bloomfit.engine.factorization;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NegativeSampling;
import io.bloomfit.api.train.Negatives;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code trainer.negatives}: uniform negatives over all items, or negatives in proportion to training counts. */
class MinibatchesSamplingTest {

    /** 4 items with 1, 2, 3 and 4 interactions each (10 in all), spread over 10 users. */
    private static final Interactions TRAIN = new Interactions(10, 4, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
            new int[] {0, 1, 1, 2, 2, 2, 3, 3, 3, 3}, null, null);

    private static double[] shares(NegativeSampling sampling) {
        ModelSpec spec = ModelSpec.defaults().withArchitecture(a -> a.withLoss(Loss.BPR))
                .withOptimization(o -> o.withBatchSize(5).withNegatives(new Negatives(5, sampling)));
        Minibatches batches = new Minibatches(TRAIN, spec);
        long[] counts = new long[4];
        long total = 0;
        for (int epoch = 1; epoch <= 20_000; epoch++) {
            Minibatches.Epoch e = batches.epoch(epoch);
            while (e.hasNext()) {
                for (int item : e.next().negatives()) {
                    counts[item]++;
                    total++;
                }
            }
        }
        double[] shares = new double[4];
        for (int i = 0; i < 4; i++) {
            shares[i] = (double) counts[i] / total;
        }
        return shares;
    }

    @Test
    void popularityNegativesFollowTrainingCounts() {
        // 200,000 draws: the standard error of a share near 0.3 is about 0.001
        assertThat(shares(NegativeSampling.POPULARITY)).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4},
                within(0.005));
    }

    @Test
    void uniformNegativesIgnoreThem() {
        assertThat(shares(NegativeSampling.UNIFORM)).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25},
                within(0.005));
    }
}
