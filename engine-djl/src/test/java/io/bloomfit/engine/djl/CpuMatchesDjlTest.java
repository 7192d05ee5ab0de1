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
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.cpu.CpuTrainer;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance check of the engine split: on {@code synthetic-ml100k} (random 80/20 split, seed 42,
 * BPR, dimension 32, batch 256, lr 3e-3, l2 1e-2, as {@link SyntheticMl100kAcceptanceTest}; 3 epochs to stay
 * fast), the {@code cpu} trainer and the {@code djl} trainer with a sparse optimizer train the same parameters,
 * bit for bit (same initialisation, batches, negatives and arithmetic), so the test MRR of the two models is the
 * same number when both are scored by the same code (Java). The djl model's own scoring, one libtorch sgemm,
 * sums in another order: its scores differ in the last bits and can split a near-tie the other way, so its MRR is
 * equal only to about 1e-10 (measured: exactly equal for plain, 2e-11 apart for bloom).
 */
class CpuMatchesDjlTest {

    private static final Interactions[] SPLIT = Baselines.randomSplit(
            SyntheticDatasets.preset("synthetic-ml100k").interactions(), 0.2, 42);

    @ParameterizedTest(name = "{0} {1} ratio {2} k {3}")
    @CsvSource({
            "sparse-adam, plain, 1.0, 1",
            "sparse-adam, bloom, 0.5, 2",
            "sparse-adagrad, plain, 1.0, 1",
    })
    void cpuAndDjlTrainTheSameModelAndReachTheSameMrr(String optimizer, String compressor, double ratio, int k) {
        Interactions train = SPLIT[0];
        Interactions test = SPLIT[1];
        EmbeddingLayout users = EmbeddingCompressors.layout(compressor,
                new LayoutRequest(train.numUsers(), 32, ratio, k, "murmur3_32", 1001));
        EmbeddingLayout items = EmbeddingCompressors.layout(compressor,
                new LayoutRequest(train.numItems(), 32, ratio, k, "murmur3_32", 2002));
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.fromSpec(optimizer), 3e-3, 1e-2, 3, 256, Negatives.uniform(5), 1),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        FitRequest request = new FitRequest(spec, train, users, items);
        Evaluator evaluator = new Evaluator();
        try (FactorizationModel cpu = new CpuTrainer().fit(request, TrainingListener.NONE);
             DjlFactorizationModel djl = (DjlFactorizationModel) new DjlTrainer().fit(request,
                     TrainingListener.NONE)) {
            for (TableId t : TableId.values()) {
                assertThat(cpu.parameters().table(t)).as("%s", t)
                        .containsExactly(djl.factorization().parameters().table(t));
            }
            assertThat(cpu.report().lossPerEpoch()).containsExactly(djl.report().lossPerEpoch());
            double cpuMrr = evaluator.evaluate(cpu, train, test).mrr();
            double djlMrr = evaluator.evaluate(djl.factorization(), train, test).mrr();
            double libtorchMrr = evaluator.evaluate(djl, train, test).mrr();
            System.out.printf("synthetic-ml100k BPR %s %s ratio %.2f k %d, 3 epochs: MRR cpu %.12f, djl %.12f "
                    + "(libtorch scoring %.12f)%n", optimizer, compressor, ratio, k, cpuMrr, djlMrr, libtorchMrr);
            assertThat(cpuMrr).isEqualTo(djlMrr);
            assertThat(libtorchMrr).isCloseTo(cpuMrr, org.assertj.core.api.Assertions.within(1e-9));
            // and the models learnt something: random ranking gives about 0.005 here
            assertThat(cpuMrr).isGreaterThan(0.03);
        }
    }
}
