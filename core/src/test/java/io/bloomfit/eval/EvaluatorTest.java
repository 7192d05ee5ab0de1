package io.bloomfit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainedModel;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    // train: u0 {0}, u1 {1, 2}, u2 {} , u3 {0, 3}; item 4 never trained
    private final Interactions train = new Interactions(4, 5,
            new int[] {0, 1, 1, 3, 3}, new int[] {0, 1, 2, 0, 3}, null, null);
    // test: (0,2) (0,4: cold item) (1,3) (2,1: cold user) (3,1)
    private final Interactions test = new Interactions(4, 5,
            new int[] {0, 0, 1, 2, 3}, new int[] {2, 4, 3, 1, 1}, new float[] {1, 3, 2, 4, 1}, null);
    private final TrainedModel model = MatrixModel.of(new float[][] {
            {.9f, .8f, .7f, .1f, .95f},
            {.5f, .9f, .9f, .6f, .1f},
            {.1f, .2f, .3f, .4f, .5f},
            {.3f, .3f, .3f, .3f, .3f}});

    /**
     * Hand-computed per user (k = 2). u0: candidates 1..4, test 2 ranked 3rd behind 4 and 1, no hit, AUC 1/3.
     * u1: candidates {0,3,4}, test 3 first: RR 1, P 1/2, R 1, NDCG 1, AUC 1. u3: candidates {1,2,4} all tied, test 1
     * gets rank 2 (RR 1/2) and is first in the top 2 by lower index: P 1/2, R 1, NDCG 1, AUC 1/2.
     * RMSE over (0,2) (1,3) (3,1): sqrt((0.3^2 + 1.4^2 + 0.7^2) / 3).
     */
    @Test
    void handComputedAveragesWithColdStartExcluded() {
        for (Evaluator evaluator : new Evaluator[] {
                new Evaluator().withK(2).withThreads(1).withRmse(true),
                new Evaluator().withK(2).withThreads(2).withBatchUsers(1).withRmse(true)}) {
            EvaluationResult r = evaluator.evaluate(model, train, test);
            assertThat(r.usersEvaluated()).isEqualTo(3);
            assertThat(r.coldStartUsers()).isEqualTo(1);
            assertThat(r.coldStartItems()).isEqualTo(1);
            assertThat(r.excludedTestInteractions()).isEqualTo(2);
            assertThat(r.mrr()).isCloseTo((1 / 3.0 + 1 + 0.5) / 3, within(1e-9));
            assertThat(r.precisionAtK()).isCloseTo(1 / 3.0, within(1e-9));
            assertThat(r.recallAtK()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(r.ndcgAtK()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(r.hitRateAtK()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(r.auc()).isCloseTo((1 / 3.0 + 1 + 0.5) / 3, within(1e-9));
            assertThat(r.rmse()).isCloseTo(Math.sqrt((0.09 + 1.96 + 0.49) / 3), within(1e-6));
            assertThat(r.k()).isEqualTo(2);
        }
    }

    @Test
    void resultsDoNotDependOnThreadsOrBatchSize() {
        io.bloomfit.data.Split split = io.bloomfit.data.SplitSpec.random(0.2, 1)
                .apply(io.bloomfit.data.SyntheticDatasets.preset("synthetic-ml100k").interactions());
        int items = split.train().numItems();
        TrainedModel scorer = MatrixModel.of(split.train().numUsers(), items, u -> {
            java.util.SplittableRandom rng = new java.util.SplittableRandom(u);
            float[] row = new float[items];
            for (int i = 0; i < items; i++) {
                row[i] = rng.nextInt(50); // many ties
            }
            return row;
        });
        EvaluationResult one = new Evaluator().withThreads(1).withBatchUsers(1000).evaluate(scorer, split.train(),
                split.test());
        EvaluationResult many = new Evaluator().withThreads(2).withBatchUsers(7).evaluate(scorer, split.train(),
                split.test());
        assertThat(many.usersEvaluated()).isEqualTo(one.usersEvaluated());
        assertThat(many.mrr()).isCloseTo(one.mrr(), within(1e-12));
        assertThat(many.precisionAtK()).isCloseTo(one.precisionAtK(), within(1e-12));
        assertThat(many.ndcgAtK()).isCloseTo(one.ndcgAtK(), within(1e-12));
        assertThat(many.auc()).isCloseTo(one.auc(), within(1e-12));
    }

    @Test
    void rejectsDataFromAnotherIndexSpace() {
        Interactions other = new Interactions(4, 6, new int[] {0}, new int[] {5}, null, null);
        assertThatThrownBy(() -> new Evaluator().evaluate(model, train, other))
                .hasMessageContaining("share one index space");
    }
}
