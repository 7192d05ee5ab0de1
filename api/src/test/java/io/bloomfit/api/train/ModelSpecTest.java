package io.bloomfit.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    /** Spotlight's ImplicitFactorizationModel: pointwise, 32, 10 epochs, batch 256, Adam 1e-2, l2 0, 5 negatives. */
    @Test
    void defaultsAreSpotlightsImplicitFactorizationModel() {
        ModelSpec spec = ModelSpec.defaults();
        assertThat(spec.architecture()).isEqualTo(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION,
                Loss.POINTWISE, 32, false, NetworkSpec.defaults()));
        assertThat(spec.optimization()).isEqualTo(new Optimization(OptimizerKind.ADAM, 0.01, 0.0, 10, 256,
                new Negatives(5, NegativeSampling.UNIFORM), 0L));
        assertThat(spec.trainer()).isEqualTo(new TrainerSettings(DeviceChoice.AUTO, 0, PluginOptions.NONE));
    }

    @Test
    void everyPartNamesTheFieldAndTheValueItRefuses() {
        Optimization o = Optimization.defaults();
        assertThatThrownBy(() -> ModelArchitecture.defaults().withDimension(0))
                .hasMessage("model.dimension must be >= 1, was 0");
        assertThatThrownBy(() -> o.withEpochs(0)).hasMessage("model.epochs must be >= 1, was 0");
        assertThatThrownBy(() -> o.withBatchSize(-1)).hasMessage("model.batchSize must be >= 1, was -1");
        assertThatThrownBy(() -> o.withLearningRate(0)).hasMessage("model.learningRate must be a finite number > 0, "
                + "was 0.0");
        assertThatThrownBy(() -> o.withL2(Double.POSITIVE_INFINITY)).hasMessage("model.l2 must be a finite number "
                + ">= 0, was Infinity");
        assertThatThrownBy(() -> Negatives.uniform(0)).hasMessage("model.negatives must be >= 1, was 0");
        assertThatThrownBy(() -> TrainerSettings.defaults().withThreads(-1))
                .hasMessage("trainer.threads must be >= 0, was -1");
        assertThatThrownBy(() -> new Negatives(1, null)).hasMessage("trainer.negatives");
    }

    @Test
    void theLossMustMatchTheKind() {
        assertThatThrownBy(() -> new ModelArchitecture(ModelKind.EXPLICIT_FACTORIZATION, Loss.BPR, 8, false,
                NetworkSpec.defaults())).hasMessage("model.loss: explicit-factorization trains with loss "
                + "'regression', was 'bpr'");
        assertThatThrownBy(() -> ModelArchitecture.defaults().withLoss(Loss.REGRESSION))
                .hasMessageStartingWith("model.loss: 'regression' needs model.kind explicit-factorization");
    }

    @Test
    void aPartReplacesOnlyItself() {
        ModelSpec spec = ModelSpec.defaults();
        ModelSpec seeded = spec.withOptimization(o -> o.withSeed(7));
        assertThat(seeded.optimization().seed()).isEqualTo(7L);
        assertThat(seeded.optimization().withSeed(0L)).isEqualTo(spec.optimization());
        assertThat(seeded.architecture()).isSameAs(spec.architecture());
        assertThat(seeded.trainer()).isSameAs(spec.trainer());
    }

    @Test
    void resolvedTrainerSettingsHoldEveryDeclaredOptionWithItsDefault() {
        List<PluginOption> declared = List.of(PluginOption.choice("path", "fast", List.of("fast", "exact"), "path"),
                PluginOption.integer("lanes", 4, 1, 64, "lanes"));
        TrainerSettings given = TrainerSettings.defaults().withOptions(PluginOptions.of(Map.of("lanes", 8.0)));

        assertThat(given.resolved(declared).options().asMap()).containsExactly(Map.entry("lanes", 8),
                Map.entry("path", "fast"));
        assertThatThrownBy(() -> given.withOptions(PluginOptions.of(Map.of("lanes", 0))).resolved(declared))
                .hasMessageContaining("lanes: 0 is out of range; expected a whole number in 1..64");
    }
}
