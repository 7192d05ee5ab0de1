package io.bloomfit.experiment.spec;

import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.tune.TuneSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.api.train.CapabilityProblem;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.data.DatasetSource;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SplitKind;
import io.bloomfit.data.SplitSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed spec tree into an {@link ExperimentSpec}. Each section's keys, types, ranges, defaults and
 * canonical form are declared once, in its schema ({@link DatasetSection}, {@link SplitSection},
 * {@link ModelSection}, {@link TrainerSection}, {@link GridSection}); this class walks them in order: unknown keys
 * are rejected with the keys that are known, omitted keys take their defaults, values are checked (ranges, enum
 * names, plugin names, a readable dataset file, what the trainer can fit), and every problem is collected with its
 * field path before one {@link SpecException} reports them all.
 */
final class SpecBinder {

    private final Plugins plugins;
    private final String source;
    private final Path baseDir;
    private final SpecProblems problems = new SpecProblems();

    SpecBinder(String source, Path baseDir, Plugins plugins) {
        this.plugins = plugins;
        this.source = source;
        this.baseDir = baseDir;
    }

    /** The sections of a spec, in the order of its top-level keys. */
    private static final List<Section<?>> SECTIONS = List.of(DatasetSection.SCHEMA, SplitSection.SCHEMA,
            ModelSection.SCHEMA, TrainerSection.SCHEMA, GridSection.SCHEMA, EvaluationSection.SCHEMA,
            TuneSection.SCHEMA);

    /** The keys a spec may have at its top level. */
    static List<String> rootKeys() {
        List<String> keys = new ArrayList<>();
        keys.add("name");
        SECTIONS.forEach(section -> keys.add(section.name()));
        keys.add(ExperimentSpec.KEEP_MODELS);
        return keys;
    }

    /**
     * Every key path a spec may have, in order: the top-level keys, each section followed by its keys and their
     * nested keys ({@code model}, {@code model.kind}, ..., {@code model.network.hidden}, ...). Below the paths of
     * {@link #pluginKeyedPaths()} the plugins declare the keys.
     */
    static List<String> keyPaths() {
        List<String> paths = new ArrayList<>();
        paths.add("name");
        for (Section<?> section : SECTIONS) {
            paths.add(section.name());
            paths.addAll(section.keyPaths());
        }
        paths.add(ExperimentSpec.KEEP_MODELS);
        return paths;
    }

    /** The key paths whose values are mappings keyed by plugins and their options, e.g. {@code trainer.options}. */
    static List<String> pluginKeyedPaths() {
        return SECTIONS.stream().flatMap(section -> section.pluginKeyedPaths().stream()).toList();
    }

    ExperimentSpec bind(ObjectNode root, String defaultName) {
        Section.checkKeys(root, "", rootKeys(), problems);
        String name = name(root, defaultName == null || defaultName.isBlank() ? "experiment" : defaultName);
        Section.Values<DatasetSpec> datasetValues = DatasetSection.SCHEMA.read(root, problems);
        Section.Values<SplitSpec> splitValues = SplitSection.SCHEMA.read(root, problems);
        SplitSpec split = SplitSection.bind(splitValues, baseDir);
        boolean filesSplit = splitValues.get(SplitSection.KIND) == SplitKind.FILES;
        DatasetSpec dataset = DatasetSection.bind(datasetValues, baseDir, filesSplit);
        if (filesSplit && dataset.source() == DatasetSource.SYNTHETIC) {
            problems.add("split.kind", "split kind files reads part files: set dataset.source to movielens or csv "
                    + "(with its column options) to say how they are read");
        }
        TrainerSpec trainer = resolveOptions(TrainerSection.bind(TrainerSection.SCHEMA.read(root, problems), plugins));
        ModelSpec model = ModelSection.bind(ModelSection.SCHEMA.read(root, problems), trainer);
        if (model != null && !problems.hasAt("trainer")) {
            checkCapabilities(trainer, model);
        }
        GridSpec grid = GridSection.bind(GridSection.SCHEMA.read(root, problems), plugins,
                model == null ? null : model.architecture().kind());
        EvaluationSpec evaluation = EvaluationSection.bind(EvaluationSection.SCHEMA.read(root, problems));
        TuneSpec tune = TuneSection.bind(root, problems, model, plugins, grid);
        boolean keepModels = keepModels(root);
        if (!problems.isEmpty()) {
            throw new SpecException(source, problems.list());
        }
        String canonical = canonical(name, dataset, split, model, trainer, grid, evaluation, tune, keepModels);
        return new ExperimentSpec(name, dataset, split, model, trainer, grid, canonical, evaluation, tune, keepModels);
    }

    /** The top-level {@code keepModels} flag: {@code true} or {@code false}, default {@code false}. */
    private boolean keepModels(ObjectNode root) {
        JsonNode value = root.get(ExperimentSpec.KEEP_MODELS);
        if (value == null || value.isNull()) {
            return false;
        }
        Boolean keep = SpecTypes.bool().read(value, ExperimentSpec.KEEP_MODELS, problems);
        return keep != null && keep;
    }

    private String name(ObjectNode root, String fallback) {
        JsonNode value = root.get("name");
        if (value == null || value.isNull()) {
            return fallback;
        }
        String name = SpecTypes.text().read(value, "name", problems);
        return name == null ? fallback : name;
    }

    /**
     * {@code trainer} with its options checked against what the trainer declares (each problem at
     * {@code trainer.options.NAME}) and, when they are allowed, completed with the defaults of those not given: the
     * options the fits run with, as {@code spec.json} and every result row record them.
     */
    private TrainerSpec resolveOptions(TrainerSpec trainer) {
        if (!plugins.trainers().contains(trainer.name())) {
            return trainer; // reported at trainer.name
        }
        TrainerCapabilities capabilities = plugins.trainers().forName(trainer.name()).capabilities();
        List<CapabilityProblem> found = capabilities.optionProblems(trainer.options(), trainer.name());
        found.forEach(problem -> problems.add(problem.field(), problem.message()));
        return found.isEmpty() ? trainer.withOptions(trainer.options().resolved(capabilities.options())) : trainer;
    }

    /** What the trainer declares it cannot do with this model, each at the field its capability problem names. */
    private void checkCapabilities(TrainerSpec trainer, ModelSpec model) {
        Trainer fitting = plugins.trainers().forName(trainer.name());
        for (CapabilityProblem problem : fitting.capabilities().problemsWith(model, trainer.name())) {
            problems.add(problem.field(), problem.message());
        }
    }

    /** Reports {@code name} at the key's path when {@code registry} does not hold it. */
    static <R> void pluginName(PluginRegistry<?> registry, String name, Section.Values<R> values,
                               SpecKey<R, ?> key) {
        if (name != null && !registry.contains(name)) {
            values.problem(key, unknownPlugin(registry, name));
        }
    }

    /** Reports {@code name}, element {@code index} of the key's list, when {@code registry} does not hold it. */
    static <R> void pluginName(PluginRegistry<?> registry, String name, Section.Values<R> values,
                               SpecKey<R, ?> key, int index) {
        if (name != null && !registry.contains(name)) {
            values.problem(key, index, unknownPlugin(registry, name));
        }
    }

    static String unknownPlugin(PluginRegistry<?> registry, String name) {
        Set<String> available = registry.available();
        return "unknown " + registry.kind() + " '" + name + "'; available: "
                + (available.isEmpty() ? "none (is the plugin jar on the class path?)" : String.join(", ", available));
    }

    // ---------------------------------------------------------------- canonical form

    private static String canonical(String name, DatasetSpec dataset, SplitSpec split, ModelSpec model,
                                    TrainerSpec trainer, GridSpec grid, EvaluationSpec evaluation, TuneSpec tune,
                                    boolean keepModels) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", name);
        root.set(DatasetSection.SCHEMA.name(), DatasetSection.SCHEMA.write(dataset));
        root.set(SplitSection.SCHEMA.name(), SplitSection.SCHEMA.write(split));
        root.set(ModelSection.SCHEMA.name(), ModelSection.SCHEMA.write(model));
        root.set(TrainerSection.SCHEMA.name(), TrainerSection.SCHEMA.write(trainer));
        root.set(GridSection.SCHEMA.name(), GridSection.SCHEMA.write(grid));
        if (evaluation.sampled()) {
            root.set(EvaluationSection.SCHEMA.name(), EvaluationSection.SCHEMA.write(evaluation));
        }
        if (tune != null) {
            root.set(TuneSection.SCHEMA.name(), TuneSection.SCHEMA.write(tune));
        }
        if (keepModels) { // written only when set, so specs without it read exactly as before
            root.put(ExperimentSpec.KEEP_MODELS, true);
        }
        return root.toPrettyString();
    }
}
