package io.bloomfit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainedModel;
import org.junit.jupiter.api.Test;

class ReferenceMethodTest {

    /**
     * train: u0 {0, 1}, u1 {0, 2}, u2 {0, 1}, u3 {3}; item counts 0:3, 1:2, 2:1, 3:1, 4:0.
     * test: u0 -> 2, u1 -> 1, u2 -> 3, u3 -> 2.
     * u0: candidates {2, 3, 4} score 1, 1, 0: item 2 ties with 3, rank 0 + (2 + 1) / 2 = 1.5, RR 2/3.
     * u1: candidates {1, 3, 4} score 2, 1, 0: item 1 first, RR 1.
     * u2: candidates {2, 3, 4} score 1, 1, 0: item 3 ties with 2, RR 2/3.
     * u3: candidates {0, 1, 2, 4} score 3, 2, 1, 0: item 2 third, RR 1/3.
     * MRR = (2/3 + 1 + 2/3 + 1/3) / 4 = 2/3.
     */
    @Test
    void popularityMrrOnAHandBuiltDatasetIsTheHandComputedValue() {
        Interactions train = new Interactions(4, 5, new int[] {0, 0, 1, 1, 2, 2, 3},
                new int[] {0, 1, 0, 2, 0, 1, 3}, null, null);
        Interactions test = new Interactions(4, 5, new int[] {0, 1, 2, 3}, new int[] {2, 1, 3, 2}, null, null);
        try (TrainedModel popularity = ReferenceMethod.POPULARITY.model(train, 7)) {
            EvaluationResult r = new Evaluator().withThreads(1).evaluate(popularity, train, test);
            assertThat(r.usersEvaluated()).isEqualTo(4);
            assertThat(r.mrr()).isCloseTo(2 / 3.0, within(1e-12));
            // the same list for every user, training items left out: u1 sees 1, 3, 4
            assertThat(popularity.recommend(1, 2, new int[] {0, 2})).containsExactly(1, 3);
            // items 2 and 3 tie (one interaction each): the lower id first; k past the candidates gives them all
            assertThat(popularity.recommend(0, 9, new int[0])).containsExactly(0, 1, 2, 3, 4);
            assertThat(popularity.score(2, new int[] {3, 0})).containsExactly(1f, 3f);
            assertThatThrownBy(() -> popularity.recommend(0, 0, new int[0])).hasMessage("k must be >= 1, was 0");
        }
    }

    @Test
    void referenceModelsScoreAndRecommendThroughTheOneTrainedModelImplementation() throws NoSuchMethodException {
        assertThat(ReferenceModel.class.getMethod("recommend", int.class, int.class, int[].class)
                .getDeclaringClass()).isEqualTo(TrainedModel.class);
        assertThat(ReferenceModel.class.getMethod("score", int.class, int[].class).getDeclaringClass())
                .isEqualTo(TrainedModel.class);
    }

    /**
     * 4000 users over 10 items, each trained on one item and tested on another: 9 candidates, so a random order gives
     * E[RR] = H_9 / 9 = 2.8289683 / 9 = 0.3143298 (sd of one user's RR 0.26885, so the mean over 4000 users has
     * standard error 0.00425; the tolerance is 4 of them).
     */
    @Test
    void randomMrrIsTheExpectedReciprocalRankOfAUniformOrder() {
        int users = 4000;
        int[] u = new int[users];
        int[] trainItems = new int[users];
        int[] testItems = new int[users];
        for (int i = 0; i < users; i++) {
            u[i] = i;
            trainItems[i] = i % 10;
            testItems[i] = (i + 1) % 10;
        }
        Interactions train = new Interactions(users, 10, u, trainItems, null, null);
        Interactions test = new Interactions(users, 10, u, testItems, null, null);
        Evaluator evaluator = new Evaluator().withThreads(2).withBatchUsers(300);
        double mrr = evaluator.evaluate(ReferenceMethod.RANDOM.model(train, 3), train, test).mrr();
        assertThat(mrr).isCloseTo(0.3143298, within(4 * 0.00425));
        // seeded: the same seed gives the same number on any batching, another seed another order
        assertThat(new Evaluator().withThreads(1).evaluate(ReferenceMethod.RANDOM.model(train, 3), train, test).mrr())
                .isCloseTo(mrr, within(1e-12));
        assertThat(ReferenceMethod.RANDOM.model(train, 4).scoreAll(new int[] {5})[0])
                .isNotEqualTo(ReferenceMethod.RANDOM.model(train, 3).scoreAll(new int[] {5})[0]);
    }

    @Test
    void namesAreTheResultVocabulary() {
        assertThat(ReferenceMethod.fromName("popularity")).isEqualTo(ReferenceMethod.POPULARITY);
        assertThat(ReferenceMethod.fromName("random")).isEqualTo(ReferenceMethod.RANDOM);
        assertThat(ReferenceMethod.fromName("plain")).isNull();
    }
}
