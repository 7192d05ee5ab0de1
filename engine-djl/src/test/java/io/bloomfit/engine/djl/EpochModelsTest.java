package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.testing.EpochModelScores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code djl} trainer shows its model after every epoch on every factorization path (dense Adam through the
 * engine, sparse optimizers through the engine's autograd or the fused step), as tuning's early stopping needs, and
 * the model after epoch n is the model a fit of n epochs returns.
 */
class EpochModelsTest {

    private static final Interactions PLANTED = Fixtures.twoGroups(40, 30, 8, 7);
    private static final int[] USERS = IntStream.range(0, 40).toArray();

    private static ModelSpec spec(OptimizerKind optimizer, int epochs, String sparseGradients) {
        return Fixtures.spec(Loss.BPR, optimizer, 8, epochs, 32, 0.05, 3)
                .withTrainer(t -> t.withOptions(PluginOptions.of(Map.of("sparseGradients", sparseGradients))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "sparse-adam/autograd", "sparse-adam/fused"})
    void theModelAfterEpochNIsTheModelOfAFitOfNEpochs(String path) {
        OptimizerKind optimizer = OptimizerKind.fromSpec(path.split("/")[0]);
        String gradients = path.endsWith("autograd") ? "autograd" : "fused";
        EpochModelScores longer = new EpochModelScores(USERS);
        float[][] finalOfLonger;
        try (TrainedModel three = new DjlTrainer().fit(Fixtures.plainRequest(spec(optimizer, 3, gradients), PLANTED),
                longer)) {
            finalOfLonger = three.scoreAll(USERS);
        }
        assertThat(longer.epochs()).containsExactly(1, 2, 3);
        // the last epoch's model is the returned model
        assertDeepClose(longer.after(3), finalOfLonger);
        try (TrainedModel two = new DjlTrainer().fit(Fixtures.plainRequest(spec(optimizer, 2, gradients), PLANTED),
                TrainingListener.NONE)) {
            assertDeepClose(longer.after(2), two.scoreAll(USERS));
        }
        // and the epochs differ: each is a snapshot, not the same live tables read three times
        assertThat(longer.after(1)[0][0]).isNotEqualTo(longer.after(2)[0][0]);
    }

    @Test
    void aListenerThatDoesNotAskGetsNoEpochModels() {
        List<Integer> called = new ArrayList<>();
        TrainingListener notAsking = new TrainingListener() {
            @Override
            public void epochModel(int epoch, TrainedModel current) {
                called.add(epoch);
            }
        };
        try (TrainedModel ignored = new DjlTrainer().fit(Fixtures.plainRequest(spec(OptimizerKind.ADAM, 2, "fused"),
                PLANTED), notAsking)) {
            assertThat(called).isEmpty();
        }
    }

    private static void assertDeepClose(float[][] actual, float[][] expected) {
        assertThat(actual).hasDimensions(expected.length, expected[0].length);
        for (int u = 0; u < expected.length; u++) {
            assertThat(actual[u]).as("user " + u).containsExactly(expected[u], within(1e-5f));
        }
    }
}
