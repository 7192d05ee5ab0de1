package io.bloomfit.api.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a trainer can do, declared by the trainer ({@link Trainer#capabilities()}) so that runners and spec checks
 * read it instead of guessing from the trainer's name (as DJL's {@code Engine.hasCapability}).
 *
 * <p>A trainer must not declare more than it does: a runner that reads {@code concurrentFits = true} starts
 * several fits in one JVM at once, and a spec check that finds an optimizer in {@code optimizers} lets a grid of
 * hours start with it.
 *
 * @param concurrentFits whether several {@link Trainer#fit} calls may run at once in one JVM (DJL's PyTorch
 *                       engine cannot: its gradient collector is process-wide)
 * @param devices        devices a spec may ask for; {@link DeviceChoice#AUTO} means "the best of these"
 * @param modelKinds     model kinds this trainer fits
 * @param optimizers     optimizers this trainer implements
 */
public record TrainerCapabilities(boolean concurrentFits, Set<DeviceChoice> devices, Set<ModelKind> modelKinds,
                                  Set<OptimizerKind> optimizers) {

    public TrainerCapabilities {
        devices = Set.copyOf(devices);
        modelKinds = Set.copyOf(modelKinds);
        optimizers = Set.copyOf(optimizers);
    }

    /**
     * What a trainer that declares nothing is assumed to do: every model kind, optimizer and device, one fit at a
     * time (the safe assumption for concurrency).
     */
    public static TrainerCapabilities undeclared() {
        return new TrainerCapabilities(false, EnumSet.allOf(DeviceChoice.class), EnumSet.allOf(ModelKind.class),
                EnumSet.allOf(OptimizerKind.class));
    }

    /**
     * What in {@code model} this trainer cannot do, one problem per field, each naming the value and what this
     * trainer accepts; empty when it can fit the model.
     */
    public List<CapabilityProblem> problemsWith(ModelSpec model, String trainer) {
        List<CapabilityProblem> problems = new ArrayList<>();
        if (!modelKinds.contains(model.kind())) {
            problems.add(new CapabilityProblem("model.kind", "trainer '" + trainer + "' does not fit '"
                    + model.kind().specName() + "'; it fits " + SpecName.list(modelKinds)));
        }
        if (!optimizers.contains(model.optimizer())) {
            problems.add(new CapabilityProblem("model.optimizer", "trainer '" + trainer + "' does not implement '"
                    + model.optimizer().specName() + "'; it implements " + SpecName.list(optimizers)));
        }
        if (!devices.contains(model.device())) {
            problems.add(new CapabilityProblem("trainer.device", "trainer '" + trainer + "' does not run on '"
                    + model.device().specName() + "'; it runs on " + SpecName.list(devices)));
        }
        return problems;
    }
}
