package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.Sides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.grid.TunedChoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tuning on {@link FixtureTunableTrainer}, whose model after e epochs ranks items by closeness to c = base + e
 * (base 10 for learning rate 0.01, 20 for 0.1, plus 50 * l2). Every user trains on items 0, 1, 2 and, latest, 13:
 * leave-last-out carves item 13 off as each user's validation item. The test set is planted at item 25.
 *
 * <p>On validation (item 13; items 0-2 excluded from the ranking): lr 0.01, l2 0 reaches c = 13 at epoch 3 (rank 1,
 * MRR 1); epochs 4 and 5 are worse, so with patience 2 its fit stops after 5 epochs. lr 0.01, l2 0.01 (c = 10.5 + e)
 * ties 13 with a neighbour at epochs 2 and 3 (rank 1.5) and stops after epoch 4. lr 0.1 moves away from 13 from
 * epoch 1 on (c = 21 + e) and stops after 3 epochs. So tuning must choose lr 0.01, l2 0, 3 epochs with validation MRR
 * 1. Had it read the test set (item 25), lr 0.1 at 4 epochs (c = 24.x) would have won instead.
 */
class TuningTest {

    private static final String SPEC = """
            name: tuning
            dataset: {source: synthetic, preset: synthetic-ml100k}
            split: {kind: leave-last-out}
            model: {kind: implicit-factorization, loss: bpr, dimension: 2, epochs: 2, batchSize: 16,
                    learningRate: 0.05, l2: 0.0, optimizer: adam, seed: 1}
            trainer: {name: fixture-tunable, device: cpu}
            grid: {compressor: [fixture-modulo], hash: [fixture-mix], ratio: [0.5], hashes: [1], sides: [both]}
            tune:
              metric: mrr
              validation: 0.1
              learningRate: [0.01, 0.1]
              l2: [0.0, 0.01]
              epochs: {max: 10, patience: 2}
            """;

    private static final GridPoint PLAIN = new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1);

    @BeforeEach
    void forget() {
        FixtureTunableTrainer.EPOCHS_RUN.clear();
    }

    /**
     * 10 users, 40 items; train: items 0, 1, 2 at times 1-3 and item 13 at time 10; test: {@code testItem}. An 11th
     * user trains on 13, 25 and 14 early and 7 last, so those items are not cold in any part (its own validation and
     * test items are, and it is left out of both rankings).
     */
    private static ExperimentData data(int testItem) {
        int users = 11;
        int[] u = new int[users * 4];
        int[] i = new int[users * 4];
        long[] t = new long[users * 4];
        for (int user = 0; user < users; user++) {
            int[] items = user < 10 ? new int[] {0, 1, 2, 13} : new int[] {13, 25, 14, 7};
            long[] times = {1, 2, 3, 10};
            for (int j = 0; j < 4; j++) {
                u[user * 4 + j] = user;
                i[user * 4 + j] = items[j];
                t[user * 4 + j] = times[j];
            }
        }
        int[] testUsers = new int[users];
        int[] testItems = new int[users];
        for (int user = 0; user < users; user++) {
            testUsers[user] = user;
            testItems[user] = user < 10 ? testItem : 30;
        }
        return new ExperimentData(new Interactions(users, 40, u, i, null, t),
                new Interactions(users, 40, testUsers, testItems, null, null), "tuning fixture");
    }

    private static ResultRow run(ExperimentSpec spec, ExperimentData data) {
        return new PointRunner(spec, data, Evaluation.standard(), Fixtures.PLUGINS, FittedModelHandler.NONE)
                .run(PLAIN, TrainingListener.NONE);
    }

    @Test
    void earlyStoppingStopsWhereTheValidationCurveSaysAndTheBestIsRefitted() {
        ResultRow row = run(Fixtures.read(SPEC, "tuning.yaml"), data(25));
        assertThat(row.ok()).as(row.error()).isTrue();
        TunedChoice tuned = row.fit().tuned();
        assertThat(tuned.learningRate()).isEqualTo(0.01);
        assertThat(tuned.l2()).isEqualTo(0.0);
        assertThat(tuned.epochs()).isEqualTo(3);
        assertThat(tuned.validationScore()).isCloseTo(1.0, within(1e-12));
        // each combination stopped where its validation curve said; the refit ran the chosen 3 epochs
        assertThat(FixtureTunableTrainer.EPOCHS_RUN.get(FixtureTunableTrainer.key(0.01, 0.0))).containsExactly(5, 3);
        assertThat(FixtureTunableTrainer.EPOCHS_RUN.get(FixtureTunableTrainer.key(0.01, 0.01))).containsExactly(4);
        assertThat(FixtureTunableTrainer.EPOCHS_RUN.get(FixtureTunableTrainer.key(0.1, 0.0))).containsExactly(3);
        assertThat(FixtureTunableTrainer.EPOCHS_RUN.get(FixtureTunableTrainer.key(0.1, 0.01))).containsExactly(3);
        // the refit on the whole training part (items 0, 1, 2, 13 excluded for users 0-9): c = 13, test item 25 is
        // 12 away; items 3-12 and 14-24 (21) are closer, item 1 ties but is excluded: rank 22, MRR 1/22
        assertThat(row.mrr()).isCloseTo(1 / 22.0, within(1e-9));
        String json = ResultRowJson.write(row);
        assertThat(json).contains("\"tuned\":{\"learningRate\":0.01,\"l2\":0.0,\"epochs\":3}",
                "\"validation_score\":1.0");
    }

    @Test
    void tuningNeverReadsTheTestPart() throws Exception {
        ExperimentSpec spec = Fixtures.read(SPEC, "tuning.yaml");
        // the planted test set (item 25) rewards lr 0.1 at 5 epochs (c = 25) far more than the choice
        ExperimentSpec untunedFast = Fixtures.read(SPEC.substring(0, SPEC.indexOf("tune:")), "untuned.yaml",
                "model.learningRate=0.1", "model.epochs=5");
        ResultRow planted = run(spec, data(25));
        double readingTheTestWouldGive = run(untunedFast, data(25)).mrr();
        assertThat(readingTheTestWouldGive).isGreaterThan(planted.mrr() * 5);
        // a different test set changes the test score (item 14 ties with 12 next to c = 13: rank 1.5) but not a
        // single choice
        ResultRow other = run(spec, data(14));
        assertThat(other.mrr()).isCloseTo(1 / 1.5, within(1e-9));
        assertThat(other.fit().tuned()).isEqualTo(planted.fit().tuned());
        assertThat(planted.fit().tuned().learningRate()).isEqualTo(0.01);
    }

    /**
     * Tuned compressor options: a {@code fixture-options} point at ratio 1 has 40 item rows plus extraRows, which
     * moves the fixture trainer's centre by extraRows (c = 10 + extraRows + e at lr 0.01, l2 0). With extraRows 5 the
     * centre starts at 16, past the validation item 13, and only moves away; with 2 it is 13 after one epoch
     * (validation MRR 1). So tuning chooses extraRows 2 and 1 epoch; the refit (c = 13) ranks the test item 25 22nd,
     * as in the first test, and the row records the choice and the options the layouts ran with.
     */
    @Test
    void compressorOptionsAreTriedLikeLearningRatesAndTheChoiceIsRecorded() throws Exception {
        String spec = SPEC.replace("grid: {compressor: [fixture-modulo], hash: [fixture-mix], ratio: [0.5]",
                "grid: {compressor: [fixture-options], hash: [fixture-mix], ratio: [1.0]")
                .replace("learningRate: [0.01, 0.1]", "learningRate: [0.01]").replace("l2: [0.0, 0.01]", "l2: [0.0]")
                + "  options: {fixture-options: {extraRows: [5, 2]}}\n";
        ExperimentSpec read = Fixtures.read(spec, "tuning.yaml");
        GridPoint point = ExperimentPlan.expand(read, Fixtures.PLUGINS).get(1);
        assertThat(point.options().isEmpty()).isTrue();
        ResultRow row = new PointRunner(read, data(25), Evaluation.standard(), Fixtures.PLUGINS,
                FittedModelHandler.NONE).run(point, TrainingListener.NONE);

        assertThat(row.ok()).as(row.error()).isTrue();
        TunedChoice tuned = row.fit().tuned();
        assertThat(tuned.options().asMap()).containsExactly(java.util.Map.entry("extraRows", 2));
        assertThat(tuned.epochs()).isEqualTo(1);
        assertThat(tuned.validationScore()).isCloseTo(1.0, within(1e-12));
        assertThat(row.sizes().itemLayout().rows()).isEqualTo(42);
        assertThat(row.mrr()).isCloseTo(1 / 22.0, within(1e-9));
        String json = ResultRowJson.write(row);
        assertThat(json).contains("\"tuned\":{\"learningRate\":0.01,\"l2\":0.0,\"epochs\":1,"
                + "\"options\":{\"extraRows\":2}}", "\"options\":{\"extraRows\":2,\"spread\":\"auto\"}")
                .doesNotContain("grid_options");
        assertThat(ResultRowJson.read(json).fit().tuned()).isEqualTo(tuned);
        assertThat(ResultRowJson.read(json).options()).isEqualTo(row.options());
    }
}
