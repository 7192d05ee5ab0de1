package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** libtorch scoring of a djl-trained model against the Java scores of the same parameters. */
class DjlFactorizationModelTest {

    private static DjlFactorizationModel model;

    @BeforeAll
    static void fit() {
        Interactions train = Fixtures.twoGroups(30, 5000, 20, 2);
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 8, 1, 64, 0.05, 3);
        model = (DjlFactorizationModel) new DjlTrainer().fit(Fixtures.plainRequest(spec, train),
                TrainingListener.NONE);
    }

    @Test
    void scoreAllAgreesWithTheJavaScoresOfTheSameParameters() {
        int[] users = {3, 0, 29, 3};
        int[] items = IntStream.range(0, 5000).toArray();
        float[][] all = model.scoreAll(users);
        float[][] java = model.factorization().scoreAll(users);
        for (int r = 0; r < users.length; r++) {
            // one sgemm with the biases folded in against Java sums: equal up to float rounding
            assertThat(all[r]).containsExactly(java[r], within(1e-5f));
            // single scores are read off the libtorch row, so they rank as recommend does
            assertThat(model.score(users[r], items)).containsExactly(model.scoreAll(new int[] {users[r]})[0]);
        }
    }

    @Test
    void scoreAndRecommendAreTheOneTrainedModelImplementation() throws NoSuchMethodException {
        assertThat(DjlFactorizationModel.class.getMethod("recommend", int.class, int.class, int[].class)
                .getDeclaringClass()).isEqualTo(TrainedModel.class);
        assertThat(DjlFactorizationModel.class.getMethod("score", int.class, int[].class).getDeclaringClass())
                .isEqualTo(TrainedModel.class);
    }

    @Test
    void recommendRanksByTheLibtorchScores() {
        int user = 4;
        float[] scores = model.scoreAll(new int[] {user})[0];
        Integer[] ranked = IntStream.range(0, 5000).boxed().toArray(Integer[]::new);
        Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        assertThat(model.recommend(user, 3, new int[] {ranked[1]})).containsExactly(ranked[0], ranked[2], ranked[3]);
        assertThatThrownBy(() -> model.scoreAll(new int[] {30})).hasMessageContaining("user index 30");
    }

    @Test
    void closedModelRefusesToScore() {
        Interactions train = Fixtures.twoGroups(4, 6, 2, 1);
        DjlFactorizationModel small = (DjlFactorizationModel) new DjlTrainer().fit(Fixtures.plainRequest(
                Fixtures.spec(Loss.BPR, OptimizerKind.SGD, 2, 1, 4, 0.1, 1), train), TrainingListener.NONE);
        small.close();
        small.close();
        assertThatThrownBy(() -> small.scoreAll(new int[] {0})).hasMessageContaining("closed");
        assertThatThrownBy(() -> small.score(0, new int[] {0})).hasMessageContaining("closed");
    }
}
