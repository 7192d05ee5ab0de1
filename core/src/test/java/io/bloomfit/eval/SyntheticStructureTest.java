package io.bloomfit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.data.LatentPreferences;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticData;
import io.bloomfit.data.SyntheticDatasets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The synthetic default dataset must have learnable structure: random < popularity < the hidden truth. */
class SyntheticStructureTest {

    @Test
    void popularityBeatsRandomAndTheLatentOracleBeatsPopularity() {
        SyntheticData data = SyntheticDatasets.generate("synthetic-ml100k",
                SyntheticDatasets.presetSpec("synthetic-ml100k"));
        Split split = SplitSpec.random(0.2, 42).apply(data.dataset().interactions());
        Interactions train = split.train();
        int users = train.numUsers();
        int items = train.numItems();
        int[] counts = train.itemCounts();
        float[] popularity = new float[items];
        for (int i = 0; i < items; i++) {
            popularity[i] = counts[i];
        }
        LatentPreferences truth = data.truth();
        Evaluator evaluator = new Evaluator().withThreads(2);

        EvaluationResult random = evaluator.evaluate(MatrixModel.of(users, items, u -> {
            SplittableRandom rng = new SplittableRandom(u);
            float[] row = new float[items];
            for (int i = 0; i < items; i++) {
                row[i] = rng.nextFloat();
            }
            return row;
        }), train, split.test());
        EvaluationResult pop = evaluator.evaluate(MatrixModel.of(users, items, u -> popularity.clone()),
                train, split.test());
        EvaluationResult oracle = evaluator.evaluate(MatrixModel.of(users, items, u -> {
            float[] row = new float[items];
            for (int i = 0; i < items; i++) {
                row[i] = truth.affinity(u, i);
            }
            return row;
        }), train, split.test());

        // random ranking: AUC about 1/2
        assertThat(random.auc()).isBetween(0.47, 0.53);
        assertThat(pop.mrr()).isGreaterThan(1.5 * random.mrr());
        assertThat(pop.precisionAtK()).isGreaterThan(1.5 * random.precisionAtK());
        // taste must decide more than popularity does: the truth ranks far better than a popularity count
        // (measured: MRR 0.131 against 0.057, P@10 0.419 against 0.167)
        assertThat(oracle.mrr()).isGreaterThan(2 * pop.mrr());
        assertThat(oracle.precisionAtK()).isGreaterThan(2 * pop.precisionAtK());
        assertThat(oracle.auc()).isGreaterThan(pop.auc());
        System.out.println("synthetic-ml100k random(0.2, 42)\n  random     " + random.summary()
                + "\n  popularity " + pop.summary() + "\n  oracle     " + oracle.summary());
    }
}
