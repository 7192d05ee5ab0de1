package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactorizationModelTest {

    private static FactorizationModel model;

    @BeforeAll
    static void fit() {
        // 5000 items: more than two scoring blocks of 2048
        Interactions train = Fixtures.twoGroups(30, 5000, 20, 2);
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 8, 1, 64, 0.05, 3);
        model = new DjlTrainer().fit(Fixtures.plainRequest(spec, train), TrainingListener.NONE);
    }

    @Test
    void scoreIsTheDotProductOfTheCombinedVectorsPlusBiases() {
        for (int u : new int[] {0, 7, 29}) {
            float[] uv = model.userVector(u);
            for (int i : new int[] {0, 2047, 2048, 4999}) {
                float[] iv = model.itemVector(i);
                double dot = 0;
                for (int d = 0; d < uv.length; d++) {
                    dot += (double) uv[d] * iv[d];
                }
                double expected = dot + model.userBias(u) + model.itemBias(i);
                assertThat((double) model.score(u, new int[] {i})[0]).isCloseTo(expected,
                        org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void scoreAllAgreesWithScore() {
        int[] users = {3, 0, 29, 3};
        int[] items = IntStream.range(0, 5000).toArray();
        float[][] all = model.scoreAll(users);
        for (int r = 0; r < users.length; r++) {
            // one sgemm with the biases folded in against a Java dot product: equal up to float rounding
            assertThat(all[r]).containsExactly(model.score(users[r], items),
                    org.assertj.core.api.Assertions.within(1e-5f));
        }
    }

    @Test
    void recommendReturnsTheBestUnexcludedItemsBestFirst() {
        int user = 4;
        float[] scores = model.scoreAll(new int[] {user})[0];
        Integer[] ranked = IntStream.range(0, 5000).boxed().toArray(Integer[]::new);
        Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        int[] exclude = {ranked[0], ranked[2]};
        int[] expected = Arrays.stream(ranked).filter(i -> i != ranked[0] && i != ranked[2]).limit(10)
                .mapToInt(Integer::intValue).toArray();
        assertThat(model.recommend(user, 10, exclude)).containsExactly(expected);
        assertThat(model.recommend(user, 3, new int[0])).containsExactly(ranked[0], ranked[1], ranked[2]);
    }

    @Test
    void badIdsNameTheIndexAndRange() {
        assertThatThrownBy(() -> model.scoreAll(new int[] {30})).hasMessageContaining("user index 30")
                .hasMessageContaining("0..29");
        assertThatThrownBy(() -> model.score(0, new int[] {5000})).hasMessageContaining("item index 5000");
        assertThatThrownBy(() -> model.recommend(0, 0, new int[0])).hasMessageContaining("k must be >= 1");
    }

    @Test
    void closedModelRefusesToScore() {
        Interactions train = Fixtures.twoGroups(4, 6, 2, 1);
        FactorizationModel small = new DjlTrainer().fit(Fixtures.plainRequest(
                Fixtures.spec(Loss.BPR, OptimizerKind.SGD, 2, 1, 4, 0.1, 1), train), TrainingListener.NONE);
        small.close();
        small.close();
        assertThatThrownBy(() -> small.scoreAll(new int[] {0})).hasMessageContaining("closed");
    }
}
