package io.bloomfit.api.train;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

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
 * @param options        the trainer's own options ({@code trainer.options} in a spec), in the order they are
 *                       listed: only knobs that belong to this trainer, each with the default it runs with when a
 *                       spec gives none. A knob that changes results must be one of these, never a system
 *                       property, so that results and saved models record it. Constructors without it declare
 *                       none
 */
public record TrainerCapabilities(boolean concurrentFits, Set<DeviceChoice> devices, Set<ModelKind> modelKinds,
                                  Set<OptimizerKind> optimizers, Set<LayoutFeature> layoutFeatures,
                                  List<PluginOption> options) {

    public TrainerCapabilities {
        devices = Set.copyOf(devices);
        modelKinds = Set.copyOf(modelKinds);
        optimizers = Set.copyOf(optimizers);
        layoutFeatures = Set.copyOf(layoutFeatures);
        options = List.copyOf(options);
    }

    /** Capabilities of a trainer that takes no options of its own. */
    public TrainerCapabilities(boolean concurrentFits, Set<DeviceChoice> devices, Set<ModelKind> modelKinds,
                               Set<OptimizerKind> optimizers, Set<LayoutFeature> layoutFeatures) {
        this(concurrentFits, devices, modelKinds, optimizers, layoutFeatures, List.of());
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
     * trainer accepts; empty when it can fit the model. Options it does not declare, and values its options do not
     * allow, are reported at {@code trainer.options.NAME}.
     */
    public List<CapabilityProblem> problemsWith(ModelSpec model, String trainer) {
        List<CapabilityProblem> problems = new ArrayList<>();
        ModelKind kind = model.architecture().kind();
        if (!modelKinds.contains(kind)) {
            problems.add(new CapabilityProblem("model.kind", "trainer '" + trainer + "' does not fit '"
                    + kind.specName() + "'; it fits " + SpecName.list(modelKinds)));
        }
        OptimizerKind optimizer = model.optimization().optimizer();
        if (!optimizers.contains(optimizer)) {
            problems.add(new CapabilityProblem("model.optimizer", "trainer '" + trainer + "' does not implement '"
                    + optimizer.specName() + "'; it implements " + SpecName.list(optimizers)));
        }
        DeviceChoice device = model.trainer().device();
        if (!devices.contains(device)) {
            problems.add(new CapabilityProblem("trainer.device", "trainer '" + trainer + "' does not run on '"
                    + device.specName() + "'; it runs on " + SpecName.list(devices)));
        }
        problems.addAll(optionProblems(model.trainer().options(), trainer));
        return problems;
    }

    /**
     * What is wrong with {@code given} for this trainer's {@link #options()}, one problem per option at
     * {@code trainer.options.NAME}: names it does not declare (listing those it does) and values out of range.
     */
    public List<CapabilityProblem> optionProblems(PluginOptions given, String trainer) {
        List<CapabilityProblem> problems = new ArrayList<>();
        for (OptionProblem problem : PluginOptions.check(options, given)) {
            String message = problem.message();
            if (options.isEmpty() && message.startsWith("unknown option")) {
                message = "unknown option; trainer '" + trainer + "' takes no options";
            }
            problems.add(new CapabilityProblem("trainer.options." + problem.option(), message));
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
