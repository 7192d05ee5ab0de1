package io.bloomfit.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainerCapabilitiesTest {

    private final TrainerCapabilities cpuSparseOnly = new TrainerCapabilities(true,
            EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU), EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION),
            EnumSet.of(OptimizerKind.SPARSE_ADAM, OptimizerKind.SGD));

    @Test
    void aModelWithinTheDeclaredCapabilitiesHasNoProblem() {
        ModelSpec model = ModelSpec.defaults().withOptimization(o -> o.withOptimizer(OptimizerKind.SGD))
                .withTrainer(t -> t.withDevice(DeviceChoice.CPU));
        assertThat(cpuSparseOnly.problemsWith(model, "t")).isEmpty();
    }

    @Test
    void everyUnsupportedFieldIsReportedAtItsOwnPathWithTheAcceptedValues() {
        ModelSpec model = new ModelSpec(new ModelArchitecture(ModelKind.EXPLICIT_FACTORIZATION, Loss.REGRESSION, 32,
                false, NetworkSpec.defaults()), Optimization.defaults().withOptimizer(OptimizerKind.ADAM),
                TrainerSettings.defaults().withDevice(DeviceChoice.GPU));
        assertThat(cpuSparseOnly.problemsWith(model, "t")).containsExactly(
                new CapabilityProblem("model.kind",
                        "trainer 't' does not fit 'explicit-factorization'; it fits implicit-factorization"),
                new CapabilityProblem("model.optimizer",
                        "trainer 't' does not implement 'adam'; it implements sparse-adam, sgd"),
                new CapabilityProblem("trainer.device", "trainer 't' does not run on 'gpu'; it runs on auto, cpu"));
    }

    @Test
    void optionsAreCheckedAgainstTheDeclarationAtTheirOwnPath() {
        TrainerCapabilities withOption = new TrainerCapabilities(true, cpuSparseOnly.devices(),
                cpuSparseOnly.modelKinds(), cpuSparseOnly.optimizers(), Set.of(), List.of(PluginOption.choice(
                "path", "fast", List.of("fast", "exact"), "which path computes gradients")));
        ModelSpec model = ModelSpec.defaults().withOptimization(o -> o.withOptimizer(OptimizerKind.SGD))
                .withTrainer(t -> t.withOptions(PluginOptions.of(Map.of("path", "x", "speed", 2))));

        assertThat(withOption.problemsWith(model, "t")).containsExactly(
                new CapabilityProblem("trainer.options.path", "'x' is not allowed; expected one of fast, exact"),
                new CapabilityProblem("trainer.options.speed", "unknown option; it takes path (one of fast, exact)"));
        assertThat(cpuSparseOnly.optionProblems(PluginOptions.of(Map.of("path", "fast")), "t")).containsExactly(
                new CapabilityProblem("trainer.options.path", "unknown option; trainer 't' takes no options"));
        assertThat(withOption.optionProblems(PluginOptions.of(Map.of("path", "exact")), "t")).isEmpty();
    }

    @Test
    void theShorterConstructorsDeclareNoOptions() {
        assertThat(cpuSparseOnly.options()).isEmpty();
        assertThat(TrainerCapabilities.undeclared().options()).isEmpty();
    }

    @Test
    void undeclaredMeansEverythingButConcurrentFits() {
        TrainerCapabilities undeclared = TrainerCapabilities.undeclared();
        assertThat(undeclared.concurrentFits()).isFalse();
        assertThat(undeclared.optimizers()).containsExactlyInAnyOrder(OptimizerKind.values());
        assertThat(undeclared.devices()).containsExactlyInAnyOrder(DeviceChoice.values());
        assertThat(undeclared.modelKinds()).containsExactlyInAnyOrder(ModelKind.values());
    }

    /** A trainer of the 4-argument constructor trains fixed row lookups only: trainable weights are refused. */
    @Test
    void layoutFeaturesATrainerDoesNotDeclareAreReportedAtTheCompressor() {
        io.bloomfit.api.embed.LayoutRequest request = new io.bloomfit.api.embed.LayoutRequest(2, 2, 1.0, 1, null, 0);
        io.bloomfit.api.embed.EmbeddingLayout fixed = io.bloomfit.api.embed.EmbeddingLayout.of("fixed", request,
                new int[] {2}, new int[1], new int[] {0, 1}, null, io.bloomfit.api.embed.Combiner.SUM);
        io.bloomfit.api.embed.EmbeddingLayout weighted = io.bloomfit.api.embed.EmbeddingLayout.ofTrainable("learned",
                request, new int[] {2}, new int[1], new int[] {0, 1},
                io.bloomfit.api.embed.TrainableWeights.perEntity(2, 1, new float[] {1, 1}),
                io.bloomfit.api.embed.Combiner.SUM);

        assertThat(cpuSparseOnly.layoutFeatures()).isEmpty();
        assertThat(cpuSparseOnly.problemsWith(fixed, fixed, "t")).isEmpty();
        assertThat(cpuSparseOnly.problemsWith(fixed, weighted, "t")).containsExactly(new CapabilityProblem(
                "grid.compressor", "trainer 't' cannot train the items layout of compressor 'learned': it needs "
                + "trainable-weights and this trainer trains fixed row lookups only; use a trainer that does (e.g. "
                + "djl) or another compressor"));
        TrainerCapabilities learning = new TrainerCapabilities(true, cpuSparseOnly.devices(),
                cpuSparseOnly.modelKinds(), cpuSparseOnly.optimizers(), EnumSet.of(LayoutFeature.TRAINABLE_WEIGHTS));
        assertThat(learning.problemsWith(weighted, weighted, "t")).isEmpty();
    }
}
