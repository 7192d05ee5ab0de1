package io.bloomfit.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TrainerCapabilitiesTest {

    private final TrainerCapabilities cpuSparseOnly = new TrainerCapabilities(true,
            EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU), EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION),
            EnumSet.of(OptimizerKind.SPARSE_ADAM, OptimizerKind.SGD));

    @Test
    void aModelWithinTheDeclaredCapabilitiesHasNoProblem() {
        ModelSpec model = ModelSpec.builder().optimizer(OptimizerKind.SGD).device(DeviceChoice.CPU).build();
        assertThat(cpuSparseOnly.problemsWith(model, "t")).isEmpty();
    }

    @Test
    void everyUnsupportedFieldIsReportedAtItsOwnPathWithTheAcceptedValues() {
        ModelSpec model = ModelSpec.builder().kind(ModelKind.EXPLICIT_FACTORIZATION).loss(Loss.REGRESSION)
                .optimizer(OptimizerKind.ADAM).device(DeviceChoice.GPU).build();
        assertThat(cpuSparseOnly.problemsWith(model, "t")).containsExactly(
                new CapabilityProblem("model.kind",
                        "trainer 't' does not fit 'explicit-factorization'; it fits implicit-factorization"),
                new CapabilityProblem("model.optimizer",
                        "trainer 't' does not implement 'adam'; it implements sparse-adam, sgd"),
                new CapabilityProblem("trainer.device", "trainer 't' does not run on 'gpu'; it runs on auto, cpu"));
    }

    @Test
    void undeclaredMeansEverythingButConcurrentFits() {
        TrainerCapabilities undeclared = TrainerCapabilities.undeclared();
        assertThat(undeclared.concurrentFits()).isFalse();
        assertThat(undeclared.optimizers()).containsExactlyInAnyOrder(OptimizerKind.values());
        assertThat(undeclared.devices()).containsExactlyInAnyOrder(DeviceChoice.values());
        assertThat(undeclared.modelKinds()).containsExactlyInAnyOrder(ModelKind.values());
    }
}
