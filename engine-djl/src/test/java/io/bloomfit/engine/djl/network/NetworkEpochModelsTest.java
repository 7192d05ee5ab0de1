package io.bloomfit.engine.djl.network;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.djl.DjlTrainer;
import io.bloomfit.engine.factorization.testing.EpochModelScores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A Bloom network fit shows its network after every epoch; after epoch n it is the network a fit of n epochs returns. */
class NetworkEpochModelsTest {

    @Test
    void theNetworkAfterEpochNIsTheNetworkOfAFitOfNEpochs() {
        Interactions all = SyntheticDatasets.preset("synthetic-ml100k").interactions();
        Interactions train = all.select(IntStream.range(0, 3000).toArray());
        EmbeddingLayout items = NetworkFixtures.items("bloom", train, 0.5, 2, 3);
        int[] users = {0, 1, 2, 5};
        EpochModelScores afterEpoch = new EpochModelScores(users);
        ModelSpec three = NetworkFixtures.spec(List.of(16), 0.2, 3, 64, 3e-3, 5);
        try (TrainedModel model = new DjlTrainer().fit(NetworkFixtures.request(three, train, items), afterEpoch)) {
            assertThat(afterEpoch.epochs()).containsExactly(1, 2, 3);
            assertClose(afterEpoch.after(3), model.scoreAll(users));
        }
        ModelSpec two = three.withOptimization(o -> o.withEpochs(2));
        try (TrainedModel model = new DjlTrainer().fit(NetworkFixtures.request(two, train, items),
                TrainingListener.NONE)) {
            assertClose(afterEpoch.after(2), model.scoreAll(users));
        }
    }

    private static void assertClose(float[][] actual, float[][] expected) {
        for (int u = 0; u < expected.length; u++) {
            assertThat(actual[u]).containsExactly(expected[u], within(1e-5f));
        }
    }
}
