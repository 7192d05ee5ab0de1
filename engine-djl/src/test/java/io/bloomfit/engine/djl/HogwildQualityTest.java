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
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.cpu.HogwildTrainer;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality check of the {@code hogwild} trainer on {@code synthetic-ml100k} (random 80/20 split, seed
 * 42, BPR, dimension 32, batch 256, one thread), each trainer at its own best setting chosen on a validation split
 * carved from the training part (80/20, seed 7), never on the test part:
 * <ul>
 *   <li>{@code djl}: lr 3e-3, l2 1e-2, 10 epochs ({@link SyntheticMl100kAcceptanceTest}'s grid, dense Adam; its
 *       sparse-adam at the same setting reaches the same test MRR, 0.0758 vs 0.0759, and is what runs here, to
 *       stay fast);</li>
 *   <li>{@code hogwild}: sparse-adagrad, lr 0.05, l2 1e-2, 20 epochs, from lr {0.01, 0.03, 0.05, 0.1, 0.2, 0.3} x
 *       l2 {0, 1e-3, 1e-2, 3e-2, 0.1} x epochs {5, 10, 20, 40} x {sgd, sparse-adagrad}. Validation MRR of the best:
 *       0.0666 at 20 epochs (0.0688 at 40, not taken: twice the test time for 3%); sgd's best was 0.0652
 *       (lr 0.05, l2 1e-2, 40 epochs); djl's best was 0.0620.</li>
 * </ul>
 * Plain hogwild must reach 95% of plain djl's test MRR, and Bloom 0.5 k=2 (murmur3_32, mean, the same layouts for
 * both trainers) must keep the same share of plain under hogwild as under djl, within 10% relative. Measured when
 * written: djl plain 0.0758, bloom 0.0530 (70%); hogwild plain 0.0787, bloom 0.0542 (69%).
 */
class HogwildQualityTest {

    private static final Interactions[] SPLIT = Baselines.randomSplit(
            SyntheticDatasets.preset("synthetic-ml100k").interactions(), 0.2, 42);
    private static final Evaluator EVALUATOR = new Evaluator();

    @Test
    void hogwildReachesDjlsMrrAndKeepsBloomsShare() {
        ModelSpec djlSpec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 3e-3, 1e-2, 10, 256, Negatives.uniform(5), 1),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        ModelSpec hogwildSpec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAGRAD, 0.05, 1e-2, 20, 256, Negatives.uniform(5), 1),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        double djlPlain = mrr(new DjlTrainer(), djlSpec, "plain", 1.0, 1);
        double djlBloom = mrr(new DjlTrainer(), djlSpec, "bloom", 0.5, 2);
        double hogwildPlain = mrr(new HogwildTrainer(), hogwildSpec, "plain", 1.0, 1);
        double hogwildBloom = mrr(new HogwildTrainer(), hogwildSpec, "bloom", 0.5, 2);
        double djlShare = djlBloom / djlPlain;
        double hogwildShare = hogwildBloom / hogwildPlain;
        System.out.printf("synthetic-ml100k test MRR: djl plain %.4f bloom %.4f (%.0f%%); hogwild plain %.4f "
                        + "bloom %.4f (%.0f%%)%n", djlPlain, djlBloom, 100 * djlShare, hogwildPlain, hogwildBloom,
                100 * hogwildShare);
        assertThat(hogwildPlain).isGreaterThanOrEqualTo(0.95 * djlPlain);
        assertThat(Math.abs(hogwildShare / djlShare - 1)).isLessThanOrEqualTo(0.10);
    }

    private static double mrr(Trainer trainer, ModelSpec spec, String compressor, double ratio, int k) {
        Interactions train = SPLIT[0];
        EmbeddingLayout users = EmbeddingCompressors.layout(compressor,
                new LayoutRequest(train.numUsers(), 32, ratio, k, "murmur3_32", 1001));
        EmbeddingLayout items = EmbeddingCompressors.layout(compressor,
                new LayoutRequest(train.numItems(), 32, ratio, k, "murmur3_32", 2002));
        try (TrainedModel model = trainer.fit(new FitRequest(spec, train, users, items), TrainingListener.NONE)) {
            return EVALUATOR.evaluate(model, train, SPLIT[1]).mrr();
        }
    }
}
