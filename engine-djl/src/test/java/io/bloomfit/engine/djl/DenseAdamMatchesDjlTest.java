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
import io.bloomfit.engine.cpu.CpuTrainer;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.TableId;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code cpu} trainer's fused dense Adam trains the model the {@code djl} trainer's dense Adam (DJL's stock
 * {@code Adam} on PyTorch, updating every row every step) trains: same batches and negatives, same formula, so
 * after two epochs every parameter (including rows no batch touched, which still move on their decaying moments)
 * agrees to float rounding. Not bit for bit: PyTorch evaluates the update in another order.
 */
class DenseAdamMatchesDjlTest {

    @ParameterizedTest(name = "{0} ratio {1} k {2}, {3}")
    @CsvSource({"plain, 1.0, 1, bpr", "bloom, 0.5, 2, bpr", "plain, 1.0, 1, adaptive-hinge"})
    void cpuDenseAdamMatchesDjlDenseAdam(String compressor, double ratio, int k, String loss) {
        SplittableRandom random = new SplittableRandom(3);
        int users = 300;
        int items = 200;
        int n = 2_000;
        int[] us = new int[n];
        int[] is = new int[n];
        for (int i = 0; i < n; i++) {
            us[i] = random.nextInt(users);
            is[i] = random.nextInt(items / 2) * 2 + us[i] % 2; // a learnable structure, so gradients do not vanish
        }
        Interactions train = new Interactions(users, items, us, is, null, null);
        EmbeddingLayout u = EmbeddingCompressors.layout(compressor, new LayoutRequest(users, 16, ratio, k, "xxh3", 1));
        EmbeddingLayout v = EmbeddingCompressors.layout(compressor, new LayoutRequest(items, 16, ratio, k, "xxh3", 2));
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.fromSpec(loss), 16,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.ADAM, 1e-2, 1e-3, 2, 128, Negatives.uniform(3), 9),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        FitRequest request = new FitRequest(spec, train, u, v);
        try (FactorizationModel cpu = new CpuTrainer().fit(request, TrainingListener.NONE);
             DjlFactorizationModel djl = (DjlFactorizationModel) new DjlTrainer().fit(request, TrainingListener.NONE)) {
            for (TableId t : TableId.values()) {
                float[] expected = djl.factorization().parameters().table(t);
                assertThat(cpu.parameters().table(t)).as("%s", t).containsExactly(expected, within(1e-4f));
            }
            assertThat(cpu.report().lossPerEpoch()).containsExactly(djl.report().lossPerEpoch(), within(1e-5));
            // and the fit learns
            assertThat(cpu.report().lossPerEpoch()[1]).isLessThan(cpu.report().lossPerEpoch()[0]);
        }
    }
}
