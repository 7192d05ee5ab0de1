package io.bloomfit.experiment.spec;

import io.bloomfit.experiment.DatasetPreparer;
import io.bloomfit.experiment.Plugins;
import io.bloomfit.experiment.Sides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.plugin.PluginRegistry;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a parsed spec tree into an {@link ExperimentSpec}: unknown keys are rejected with the keys that are
 * known, omitted keys take the documented defaults, values are checked (ranges, enum names, plugin names, a
 * readable dataset file), and every problem is collected with its field path before one
 * {@link SpecException} reports them all.
 */
final class SpecBinder {

    static final List<String> ROOT_KEYS = List.of("name", "dataset", "split", "model", "trainer", "grid");
    static final List<String> DATASET_KEYS = List.of("source", "name", "path", "preset", "seed", "users", "items",
            "interactions", "rank", "delimiter", "header", "user", "item", "rating", "timestamp", "skipBadLines",
            "ratingThreshold", "implicit");
    static final List<String> SPLIT_KEYS = List.of("kind", "test", "seed", "validation");
    static final List<String> MODEL_KEYS = List.of("kind", "loss", "dimension", "epochs", "batchSize", "learningRate",
            "l2", "negatives", "optimizer", "seed", "compressBiases");
    static final List<String> TRAINER_KEYS = List.of("name", "device", "threads");
    static final List<String> GRID_KEYS = List.of("compressor", "hash", "ratio", "hashes", "sides", "repeats");

    private final Plugins plugins;
    private final String source;
    private final Path baseDir;
    private final List<SpecProblem> problems = new ArrayList<>();

    SpecBinder(String source, Path baseDir, Plugins plugins) {
        this.plugins = plugins;
        this.source = source;
        this.baseDir = baseDir;
    }

    ExperimentSpec bind(ObjectNode root, String defaultName) {
        checkKeys(root, "", ROOT_KEYS);
        String name = text(root, "name", "name", defaultName == null || defaultName.isBlank() ? "experiment"
                : defaultName);
        DatasetSpec dataset = dataset(section(root, "dataset"));
        SplitSpec split = split(section(root, "split"));
        TrainerSpec trainer = trainer(section(root, "trainer"));
        ModelSpec model = model(section(root, "model"), trainer);
        GridSpec grid = grid(section(root, "grid"));
        if (!problems.isEmpty()) {
            throw new SpecException(source, problems);
        }
        return new ExperimentSpec(name, dataset, split, model, trainer, grid, canonical(name, dataset, split, model,
                trainer, grid));
    }

    private ObjectNode section(ObjectNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return root.objectNode();
        }
        if (!node.isObject()) {
            problems.add(new SpecProblem(key, "expected a mapping of keys, found '" + node.asText() + "'"));
            return root.objectNode();
        }
        return (ObjectNode) node;
    }

    private void checkKeys(ObjectNode node, String path, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(new SpecProblem(join(path, key), "unknown key; known keys" + (path.isEmpty() ? "" : " of "
                        + path) + ": " + String.join(", ", known)));
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    // ---------------------------------------------------------------- sections

    private DatasetSpec dataset(ObjectNode node) {
        checkKeys(node, "dataset", DATASET_KEYS);
        String source = text(node, "source", "dataset.source", "synthetic");
        if (!DatasetSpec.SOURCES.contains(source)) {
            problems.add(new SpecProblem("dataset.source", "unknown source '" + source + "'; expected one of "
                    + String.join(" | ", DatasetSpec.SOURCES)));
            source = "synthetic";
        }
        String name = text(node, "name", "dataset.name", null);
        String path = text(node, "path", "dataset.path", null);
        String preset = text(node, "preset", "dataset.preset", null);
        Long seed = node.hasNonNull("seed") ? integer(node, "seed", "dataset.seed", 42) : null;
        Integer users = optionalPositive(node, "users", "dataset.users");
        Integer items = optionalPositive(node, "items", "dataset.items");
        Integer interactions = optionalPositive(node, "interactions", "dataset.interactions");
        Integer rank = optionalPositive(node, "rank", "dataset.rank");
        String delimiter = text(node, "delimiter", "dataset.delimiter", null);
        Boolean header = node.hasNonNull("header") ? bool(node, "header", "dataset.header", true) : null;
        String user = text(node, "user", "dataset.user", null);
        String item = text(node, "item", "dataset.item", null);
        String rating = text(node, "rating", "dataset.rating", null);
        String timestamp = text(node, "timestamp", "dataset.timestamp", null);
        Boolean skipBadLines = node.hasNonNull("skipBadLines")
                ? bool(node, "skipBadLines", "dataset.skipBadLines", false) : null;
        Double ratingThreshold = node.hasNonNull("ratingThreshold")
                ? number(node, "ratingThreshold", "dataset.ratingThreshold", 0) : null;
        Boolean implicit = node.hasNonNull("implicit") ? bool(node, "implicit", "dataset.implicit", false) : null;
        List<String> presets = DatasetPreparer.syntheticPresets();
        switch (source) {
            case "synthetic" -> {
                boolean custom = users != null || items != null || interactions != null;
                if (custom && (users == null || items == null || interactions == null)) {
                    problems.add(new SpecProblem("dataset", "a custom synthetic dataset needs users, items and "
                            + "interactions (or a preset: " + String.join(", ", presets) + ")"));
                }
                if (!custom && preset == null) {
                    preset = "synthetic-ml100k";
                }
                if (preset != null && !presets.contains(preset)) {
                    problems.add(new SpecProblem("dataset.preset", "unknown synthetic preset '" + preset
                            + "'; available: " + String.join(", ", presets)));
                }
                for (String fileOnly : List.of("path", "delimiter", "header", "user", "item", "rating",
                        "timestamp")) {
                    if (node.hasNonNull(fileOnly)) {
                        problems.add(new SpecProblem("dataset." + fileOnly, "source synthetic reads no file; remove "
                                + "it, or use source movielens or csv"));
                    }
                }
            }
            case "movielens" -> {
                if (path == null && name == null) {
                    problems.add(new SpecProblem("dataset.path", "source movielens needs the path of the ratings "
                            + "file or unpacked folder (e.g. data/ml-100k/u.data), or dataset.name, one of "
                            + String.join(", ", DatasetFetcher.names()) + ", fetched into the cache"));
                } else if (path != null) {
                    path = resolveReadable(path, true);
                } else if (!DatasetFetcher.knows(name)) {
                    problems.add(new SpecProblem("dataset.name", "unknown MovieLens release '" + name
                            + "'; available: " + String.join(", ", DatasetFetcher.names())));
                }
            }
            default -> {
                if (path == null) {
                    problems.add(new SpecProblem("dataset.path", "source csv needs the path of a delimited file"));
                } else {
                    path = resolveReadable(path, false);
                }
            }
        }
        if (!source.equals("synthetic")) {
            for (String syntheticOnly : List.of("preset", "users", "items", "interactions", "rank")) {
                if (node.hasNonNull(syntheticOnly)) {
                    problems.add(new SpecProblem("dataset." + syntheticOnly, "only source synthetic takes "
                            + syntheticOnly));
                }
            }
        }
        if (!source.equals("csv")) {
            for (String csvOnly : List.of("delimiter", "header", "user", "item", "rating", "timestamp")) {
                if (node.hasNonNull(csvOnly) && !source.equals("synthetic")) {
                    problems.add(new SpecProblem("dataset." + csvOnly, "only source csv takes column options; "
                            + source + " files have a known format"));
                }
            }
        }
        if (delimiter != null && delimiter.isEmpty()) {
            problems.add(new SpecProblem("dataset.delimiter", "must not be empty; e.g. ',' or '\\t'"));
        }
        return new DatasetSpec(source, name, path, preset, seed, users, items, interactions, rank, delimiter, header,
                user, item, rating, timestamp, skipBadLines, ratingThreshold, implicit);
    }

    private Integer optionalPositive(ObjectNode node, String key, String path) {
        if (!node.hasNonNull(key)) {
            return null;
        }
        return (int) positive(node, key, path, 1, Integer.MAX_VALUE);
    }

    private String resolveReadable(String path, boolean directoryAllowed) {
        Path direct = Path.of(path);
        if (Files.isReadable(direct) && (Files.isRegularFile(direct) || directoryAllowed && Files.isDirectory(direct))) {
            return direct.toString();
        }
        if (!direct.isAbsolute() && baseDir != null) {
            Path besideSpec = baseDir.resolve(path);
            if (Files.isReadable(besideSpec) && (Files.isRegularFile(besideSpec)
                    || directoryAllowed && Files.isDirectory(besideSpec))) {
                return besideSpec.toString();
            }
        }
        String why = Files.isDirectory(direct) ? "is a directory; give the ratings file inside it"
                : Files.exists(direct) ? "is not readable" : "no such file (looked in the working directory "
                + Path.of("").toAbsolutePath() + (baseDir != null && !direct.isAbsolute() ? " and beside the spec in "
                + baseDir : "") + ")";
        problems.add(new SpecProblem("dataset.path", "cannot read '" + path + "': " + why));
        return path;
    }

    private SplitSpec split(ObjectNode node) {
        checkKeys(node, "split", SPLIT_KEYS);
        String kind = text(node, "kind", "split.kind", "random");
        boolean known = SplitSpec.KINDS.contains(kind);
        if (!known) {
            problems.add(new SpecProblem("split.kind", "unknown split '" + kind + "'; available: "
                    + String.join(", ", SplitSpec.KINDS)));
            kind = "random";
        }
        double test = number(node, "test", "split.test", 0.2);
        if (!kind.equals("leave-last-out") && !(test > 0 && test < 1)) {
            problems.add(new SpecProblem("split.test", "must be a fraction in (0, 1), e.g. 0.2; was " + test));
            test = 0.2;
        }
        long seed = integer(node, "seed", "split.seed", 42);
        double validation = number(node, "validation", "split.validation", 0);
        if (!(validation >= 0 && validation < 1)) {
            problems.add(new SpecProblem("split.validation", "must be a fraction in [0, 1) (0: none); was "
                    + validation));
            validation = 0;
        }
        return new SplitSpec(kind, test, seed, validation);
    }

    private TrainerSpec trainer(ObjectNode node) {
        checkKeys(node, "trainer", TRAINER_KEYS);
        String name = text(node, "name", "trainer.name", "djl");
        pluginName(plugins.trainers(), name, "trainer.name");
        DeviceChoice device = enumValue(node, "device", "trainer.device", DeviceChoice.AUTO, DeviceChoice::fromSpec);
        long threads = integer(node, "threads", "trainer.threads", 0);
        if (threads < 0 || threads > 4096) {
            problems.add(new SpecProblem("trainer.threads", "must be 0 (engine's choice) or a thread count; was "
                    + threads));
            threads = 0;
        }
        return new TrainerSpec(name, device == null ? DeviceChoice.AUTO : device, (int) threads);
    }

    private ModelSpec model(ObjectNode node, TrainerSpec trainer) {
        checkKeys(node, "model", MODEL_KEYS);
        ModelSpec d = ModelSpec.defaults();
        ModelKind kind = enumValue(node, "kind", "model.kind", d.kind(), ModelKind::fromSpec);
        Loss defaultLoss = kind == ModelKind.EXPLICIT_FACTORIZATION ? Loss.REGRESSION : d.loss();
        Loss loss = enumValue(node, "loss", "model.loss", defaultLoss, Loss::fromSpec);
        int dimension = (int) positive(node, "dimension", "model.dimension", d.dimension(), 1 << 16);
        int epochs = (int) positive(node, "epochs", "model.epochs", d.epochs(), 1_000_000);
        int batchSize = (int) positive(node, "batchSize", "model.batchSize", d.batchSize(), 1 << 24);
        double learningRate = number(node, "learningRate", "model.learningRate", d.learningRate());
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add(new SpecProblem("model.learningRate", "must be a number > 0, e.g. 0.01; was "
                    + learningRate));
            learningRate = d.learningRate();
        }
        double l2 = number(node, "l2", "model.l2", d.l2());
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            problems.add(new SpecProblem("model.l2", "must be a number >= 0, e.g. 1.0e-6; was " + l2));
            l2 = 0;
        }
        int negatives = (int) positive(node, "negatives", "model.negatives", d.negatives(), 1 << 16);
        OptimizerKind optimizer = enumValue(node, "optimizer", "model.optimizer", d.optimizer(),
                OptimizerKind::fromSpec);
        long seed = integer(node, "seed", "model.seed", d.seed());
        boolean compressBiases = bool(node, "compressBiases", "model.compressBiases", d.compressBiases());
        if (kind == null || loss == null || optimizer == null) {
            return d;
        }
        try {
            return new ModelSpec(kind, loss, dimension, epochs, batchSize, learningRate, l2, negatives, optimizer,
                    seed, trainer.device(), trainer.threads(), compressBiases);
        } catch (IllegalArgumentException e) {
            // ModelSpec's messages start with the field path already ("model.loss: ...").
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            if (message.startsWith("model.") && colon > 0) {
                problems.add(new SpecProblem(message.substring(0, colon), message.substring(colon + 2)));
            } else {
                problems.add(new SpecProblem("model", message));
            }
            return d;
        }
    }

    private GridSpec grid(ObjectNode node) {
        checkKeys(node, "grid", GRID_KEYS);
        List<String> compressors = textList(node, "compressor", "grid.compressor", List.of("bloom"));
        for (int i = 0; i < compressors.size(); i++) {
            pluginName(plugins.compressors(), compressors.get(i), "grid.compressor[" + i + "]");
        }
        List<String> hashes = textList(node, "hash", "grid.hash", List.of("xxh64"));
        for (int i = 0; i < hashes.size(); i++) {
            pluginName(plugins.hashes(), hashes.get(i), "grid.hash[" + i + "]");
        }
        List<Double> ratios = new ArrayList<>();
        List<JsonNode> ratioNodes = list(node, "ratio", "grid.ratio");
        if (ratioNodes == null) {
            ratios.add(0.5);
        } else {
            for (int i = 0; i < ratioNodes.size(); i++) {
                String path = "grid.ratio[" + i + "]";
                Double r = toDouble(ratioNodes.get(i), path);
                if (r != null) {
                    if (!(r > 0 && r <= 1)) {
                        problems.add(new SpecProblem(path, "must be in (0, 1] (table rows per entity, e.g. 0.2); was "
                                + r));
                    } else {
                        ratios.add(r);
                    }
                }
            }
        }
        List<Integer> ks = new ArrayList<>();
        List<JsonNode> kNodes = list(node, "hashes", "grid.hashes");
        if (kNodes == null) {
            ks.add(2);
        } else {
            for (int i = 0; i < kNodes.size(); i++) {
                String path = "grid.hashes[" + i + "]";
                Long k = toLong(kNodes.get(i), path);
                if (k != null) {
                    if (k < 1 || k > 64) {
                        problems.add(new SpecProblem(path, "must be a number of hash functions in 1..64; was " + k));
                    } else {
                        ks.add(k.intValue());
                    }
                }
            }
        }
        List<String> sideNames = textList(node, "sides", "grid.sides", List.of("both"));
        List<Sides> sides = new ArrayList<>();
        for (int i = 0; i < sideNames.size(); i++) {
            Sides s = Sides.fromName(sideNames.get(i));
            if (s == null || s == Sides.NONE) {
                problems.add(new SpecProblem("grid.sides[" + i + "]", "unknown value '" + sideNames.get(i)
                        + "'; expected one of " + Sides.choices()));
            } else {
                sides.add(s);
            }
        }
        long repeats = integer(node, "repeats", "grid.repeats", 1);
        if (repeats < 1 || repeats > 1000) {
            problems.add(new SpecProblem("grid.repeats", "must be in 1..1000; was " + repeats));
            repeats = 1;
        }
        for (var entry : Map.of("grid.compressor", compressors, "grid.hash", hashes, "grid.ratio", ratios,
                "grid.hashes", ks, "grid.sides", sides).entrySet()) {
            if (entry.getValue().isEmpty() && !hasProblemUnder(entry.getKey())) {
                problems.add(new SpecProblem(entry.getKey(), "empty list: the grid would have no points; list at "
                        + "least one value"));
            }
        }
        return new GridSpec(dedupe(compressors), dedupe(hashes), dedupe(ratios), dedupe(ks), dedupe(sides),
                (int) repeats);
    }

    private boolean hasProblemUnder(String path) {
        return problems.stream().anyMatch(p -> p.path().startsWith(path));
    }

    private static <T> List<T> dedupe(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private void pluginName(PluginRegistry<?> registry, String name, String path) {
        if (name != null && !registry.contains(name)) {
            Set<String> available = registry.available();
            problems.add(new SpecProblem(path, "unknown " + registry.kind() + " '" + name + "'; available: "
                    + (available.isEmpty() ? "none (is the plugin jar on the class path?)"
                    : String.join(", ", available))));
        }
    }

    // ---------------------------------------------------------------- scalars

    private String text(ObjectNode node, String key, String path, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            problems.add(new SpecProblem(path, "expected a single value, found a " + describe(value)));
            return fallback;
        }
        return value.asText();
    }

    private boolean bool(ObjectNode node, String key, String path, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        problems.add(new SpecProblem(path, "expected true or false, found '" + value.asText() + "'"));
        return fallback;
    }

    private double number(ObjectNode node, String key, String path, double fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        Double d = toDouble(value, path);
        return d == null ? fallback : d;
    }

    private long integer(ObjectNode node, String key, String path, long fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        Long l = toLong(value, path);
        return l == null ? fallback : l;
    }

    private long positive(ObjectNode node, String key, String path, long fallback, long max) {
        long value = integer(node, key, path, fallback);
        if (value < 1 || value > max) {
            problems.add(new SpecProblem(path, "must be in 1.." + max + "; was " + value));
            return fallback;
        }
        return value;
    }

    /** Numbers may be written as text too: YAML 1.1 reads {@code 1e-6} (no dot) as a string. */
    private Double toDouble(JsonNode value, String path) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(new SpecProblem(path, "expected a number, found '" + value.asText() + "'"));
        return null;
    }

    private Long toLong(JsonNode value, String path) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(new SpecProblem(path, "expected a whole number, found '" + value.asText() + "'"));
        return null;
    }

    private <E> E enumValue(ObjectNode node, String key, String path, E fallback, Function<String, E> parse) {
        String name = text(node, key, path, null);
        if (name == null) {
            return fallback;
        }
        try {
            return parse.apply(name);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            problems.add(new SpecProblem(path, colon > 0 ? message.substring(colon + 2) : message));
            return null;
        }
    }

    /** The list under {@code key}, a single value as a one-element list, or null when absent. */
    private List<JsonNode> list(ObjectNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isValueNode()) {
            items.add(value);
        } else {
            problems.add(new SpecProblem(path, "expected a list like [a, b], found a mapping"));
        }
        return items;
    }

    private List<String> textList(ObjectNode node, String key, String path, List<String> fallback) {
        List<JsonNode> items = list(node, key, path);
        if (items == null) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isValueNode() || item.isNull()) {
                problems.add(new SpecProblem(path + "[" + i + "]", "expected a name, found a " + describe(item)));
            } else {
                values.add(item.asText());
            }
        }
        return values;
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "list" : node.isObject() ? "mapping" : "value '" + node.asText() + "'";
    }

    // ---------------------------------------------------------------- canonical form

    private static String canonical(String name, DatasetSpec dataset, SplitSpec split, ModelSpec model,
                                    TrainerSpec trainer, GridSpec grid) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("name", name);
        ObjectNode d = mapper.valueToTree(dataset);
        List<String> unset = new ArrayList<>();
        d.fieldNames().forEachRemaining(f -> {
            if (d.get(f).isNull()) {
                unset.add(f);
            }
        });
        d.remove(unset);
        root.set("dataset", d);
        ObjectNode s = root.putObject("split");
        s.put("kind", split.kind());
        s.put("test", split.test());
        s.put("seed", split.seed());
        s.put("validation", split.validation());
        ObjectNode m = root.putObject("model");
        m.put("kind", model.kind().specName());
        m.put("loss", model.loss().specName());
        m.put("dimension", model.dimension());
        m.put("epochs", model.epochs());
        m.put("batchSize", model.batchSize());
        m.put("learningRate", model.learningRate());
        m.put("l2", model.l2());
        m.put("negatives", model.negatives());
        m.put("optimizer", model.optimizer().specName());
        m.put("seed", model.seed());
        m.put("compressBiases", model.compressBiases());
        ObjectNode t = root.putObject("trainer");
        t.put("name", trainer.name());
        t.put("device", trainer.device().specName());
        t.put("threads", trainer.threads());
        ObjectNode g = root.putObject("grid");
        grid.compressors().forEach(g.putArray("compressor")::add);
        grid.hashes().forEach(g.putArray("hash")::add);
        grid.ratios().forEach(g.putArray("ratio")::add);
        grid.numHashes().forEach(g.putArray("hashes")::add);
        grid.sides().forEach(x -> g.withArray("sides").add(x.specName()));
        g.put("repeats", grid.repeats());
        return root.toPrettyString();
    }
}
