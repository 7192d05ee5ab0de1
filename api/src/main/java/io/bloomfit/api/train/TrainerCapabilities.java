package io.bloomfit.api.train;

import io.bloomfit.api.embed.EmbeddingLayout;

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
 * @param layoutFeatures what beyond fixed row lookups this trainer trains (trainable weights, encoders); the
 *                       4-argument constructor, for trainers written before layouts had features, declares none
 */
public record TrainerCapabilities(boolean concurrentFits, Set<DeviceChoice> devices, Set<ModelKind> modelKinds,
                                  Set<OptimizerKind> optimizers, Set<LayoutFeature> layoutFeatures) {

    public TrainerCapabilities {
        devices = Set.copyOf(devices);
        modelKinds = Set.copyOf(modelKinds);
        optimizers = Set.copyOf(optimizers);
        layoutFeatures = Set.copyOf(layoutFeatures);
    }

    /** Capabilities of a trainer that trains fixed row lookups only (no {@link LayoutFeature}). */
    public TrainerCapabilities(boolean concurrentFits, Set<DeviceChoice> devices, Set<ModelKind> modelKinds,
                               Set<OptimizerKind> optimizers) {
        this(concurrentFits, devices, modelKinds, optimizers, Set.of());
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

    /**
     * What in the layouts of a fit this trainer cannot train, one problem per side ({@code grid.compressor}),
     * naming the compressor, what its layout needs and what this trainer does; empty when it can train both.
     */
    public List<CapabilityProblem> problemsWith(EmbeddingLayout users, EmbeddingLayout items, String trainer) {
        List<CapabilityProblem> problems = new ArrayList<>();
        layoutProblem(users, "users", trainer, problems);
        layoutProblem(items, "items", trainer, problems);
        return problems;
    }

    private void layoutProblem(EmbeddingLayout layout, String side, String trainer, List<CapabilityProblem> problems) {
        Set<LayoutFeature> missing = EnumSet.noneOf(LayoutFeature.class);
        missing.addAll(LayoutFeature.of(layout));
        missing.removeAll(layoutFeatures);
        if (!missing.isEmpty()) {
            problems.add(new CapabilityProblem("grid.compressor", "trainer '" + trainer + "' cannot train the "
                    + side + " layout of compressor '" + layout.compressor() + "': it needs " + SpecName.list(missing)
                    + " and this trainer trains " + (layoutFeatures.isEmpty() ? "fixed row lookups only"
                    : "fixed row lookups and " + SpecName.list(layoutFeatures))
                    + "; use a trainer that does (e.g. djl) or another compressor"));
        }
    }
}
