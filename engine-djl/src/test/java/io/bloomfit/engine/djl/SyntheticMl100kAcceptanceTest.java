package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.LatentPreferences;
import io.bloomfit.data.SyntheticData;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance checks on {@code synthetic-ml100k} (943 users, 1,682 items, 100,000 interactions,
 * generator seed 42), random 80/20 split (seed 42), BPR, dimension 32, batch 256, Adam lr 3e-3, l2 1e-2,
 * 10 epochs, 1 thread; compressed runs hash both users and items with murmur3_32.
 *
 * <p>Learning rate and l2 were chosen for plain BPR on a validation split carved from the training part (80/20,
 * seed 7), never on the test part, over lr {1e-3, 3e-3, 1e-2} x l2 {0, 1e-2, 3e-2}. Validation MRR:
 * <pre>
 *              l2 0     l2 1e-2   l2 3e-2
 *   lr 1e-3    0.0591   0.0575    0.0527
 *   lr 3e-3    0.0587   0.0620    0.0549
 *   lr 1e-2    0.0357   0.0503    0.0543
 * </pre>
 * Compressed models use the same setting, tuned for none of them.
 *
 * <p>Test MRR measured when this test was written (all items ranked, training items excluded):
 * <pre>
 *   oracle (the generator's true log-probabilities)  0.1297
 *   plain, dense adam                                 0.0759   (1.40x popularity)
 *   plain, sparse-adam                                0.0758
 *   popularity                                        0.0544
 *   random                                            0.0049
 *   bloom 0.5, k=2 (mean), dense adam, 3 repeats      0.0530 0.0554 0.0548, mean 0.0544 (72% of plain)
 *   hashing-trick 0.5, dense adam, 3 repeats          0.0532 0.0533 0.0537, mean 0.0534
 * </pre>
 * Bloom's lead over the hashing trick is small (2%, and it loses one of the three repeats), and at half size
 * both compressed models only match popularity: dense, small data is the hard case the issue warns about.
 */
class SyntheticMl100kAcceptanceTest {

    private static Interactions train;
    private static Interactions test;
    private static LatentPreferences truth;
    private static final Evaluator EVALUATOR = new Evaluator();
    private static final int REPEATS = 3;
    private static double popularity;
    private static double random;
    private static double plain;
    private static double plainSparse;
    private static double bloom;
    private static double hashing;

    @BeforeAll
    static void fitAll() {
        SyntheticData data = SyntheticDatasets.generate("synthetic-ml100k",
                SyntheticDatasets.presetSpec("synthetic-ml100k"));
        truth = data.truth();
        Interactions[] split = Baselines.randomSplit(data.dataset().interactions(), 0.2, 42);
        train = split[0];
        test = split[1];
        popularity = mrr(Baselines.popularity(train));
        random = mrr(Baselines.random(train.numUsers(), train.numItems(), 5));
        plain = fit("plain", 1.0, 1, OptimizerKind.ADAM, 0);
        plainSparse = fit("plain", 1.0, 1, OptimizerKind.SPARSE_ADAM, 0);
        // compressed runs differ by their hash seeds as much as by method: compare means over three repeats, each
        // with its own model seed and hash seeds
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            bloom += fit("bloom", 0.5, 2, OptimizerKind.ADAM, repeat) / REPEATS;
            hashing += fit("hashing-trick", 0.5, 1, OptimizerKind.ADAM, repeat) / REPEATS;
        }
        System.out.printf("synthetic-ml100k means over %d repeats: bloom MRR %.4f, hashing-trick MRR %.4f%n",
                REPEATS, bloom, hashing);
        System.out.printf("synthetic-ml100k baselines: popularity MRR %.4f, random MRR %.4f%n", popularity, random);
    }

    private static ModelSpec bpr(OptimizerKind optimizer, int repeat) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32,
                        false, NetworkSpec.defaults()),
                new Optimization(optimizer, 3e-3, 1e-2, 10, 256, Negatives.uniform(5), 1 + repeat),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
    }

    private static double mrr(TrainedModel model) {
        try (model) {
            return EVALUATOR.evaluate(model, train, test).mrr();
        }
    }

    private static double fit(String compressor, double ratio, int k, OptimizerKind optimizer, int repeat) {
        EmbeddingLayout users = EmbeddingCompressors.layout(compressor, new LayoutRequest(train.numUsers(), 32, ratio, k, "murmur3_32", 1001 + repeat));
        EmbeddingLayout items = EmbeddingCompressors.layout(compressor, new LayoutRequest(train.numItems(), 32, ratio, k, "murmur3_32", 2002 + repeat));
        TrainedModel model = new DjlTrainer().fit(new FitRequest(bpr(optimizer, repeat), train, users, items),
                TrainingListener.NONE);
        double mrr = mrr(model);
        System.out.printf("synthetic-ml100k BPR %s ratio %.2f k %d %s repeat %d: MRR %.4f%n", compressor, ratio, k,
                optimizer.specName(), repeat, mrr);
        return mrr;
    }

    @Test
    void bprPlainBeatsPopularityBy30Percent() {
        assertThat(plain).isGreaterThanOrEqualTo(1.3 * popularity);
    }

    @Test
    void theOracleBoundsWhatAnyModelCanReach() {
        double oracle = mrr(new Baselines.Oracle(train.numUsers(), train.numItems(), truth::affinity));
        System.out.printf("synthetic-ml100k oracle MRR %.4f (%.3fx popularity)%n", oracle, oracle / popularity);
        assertThat(plain).isLessThanOrEqualTo(oracle);
    }

    @Test
    void bprPlainIsFarAboveRandom() {
        assertThat(plain).isGreaterThan(3 * random);
    }

    @Test
    void bloomHalfSizeIsAtLeastTheHashingTrickAndHalfOfPlain() {
        assertThat(bloom).isGreaterThanOrEqualTo(hashing);
        assertThat(bloom).isGreaterThanOrEqualTo(0.5 * plain);
    }

    @Test
    void sparseAdamMatchesDenseAdamWithinTenPercent() {
        assertThat(Math.abs(plainSparse - plain) / plain).isLessThanOrEqualTo(0.10);
    }
}
