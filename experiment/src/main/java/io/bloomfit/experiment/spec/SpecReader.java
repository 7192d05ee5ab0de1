package io.bloomfit.experiment.spec;

import io.bloomfit.host.Plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads experiment specs written by hand in YAML or JSON, applies {@code key=value} overrides (the CLI's
 * {@code --set}), fills in defaults and validates everything before anything runs (see {@link SpecBinder}).
 */
public final class SpecReader {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:\\[(\\d+)])?");

    private SpecReader() {
    }

    /**
     * Reads {@code file} ({@code .json} as JSON, anything else as YAML, which also accepts JSON).
     *
     * @param overrides {@code key=value} assignments with dotted paths, applied in order, e.g.
     *                  {@code model.epochs=2} or {@code grid.hash=[xxh64, md5]}
     * @throws SpecException naming the file and every problem, with field paths
     */
    public static ExperimentSpec read(Path file, List<String> overrides) {
        return read(file, overrides, Plugins.shared());
    }

    /** As {@link #read(Path, List)}, resolving plugin names against {@code plugins}. */
    public static ExperimentSpec read(Path file, List<String> overrides, Plugins plugins) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), "", "no such spec file; give the path of a YAML or JSON spec "
                    + "(see examples/)");
        } catch (IOException e) {
            throw new SpecException(file.toString(), "", "cannot read the spec: " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        String defaultName = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        Path baseDir = file.toAbsolutePath().getParent();
        return read(text, file.toString(), fileName.endsWith(".json"), defaultName, baseDir, overrides, plugins);
    }

    /**
     * Reads a spec from text.
     *
     * @param source      names the text in messages (a file name)
     * @param json        parse as strict JSON rather than YAML
     * @param defaultName the run's name when the spec has none
     * @param baseDir     a second place relative dataset paths are looked up (after the working directory), or null
     */
    public static ExperimentSpec read(String text, String source, boolean json, String defaultName, Path baseDir,
                                      List<String> overrides) {
        return read(text, source, json, defaultName, baseDir, overrides, Plugins.shared());
    }

    /** As {@link #read(String, String, boolean, String, Path, List)}, with names resolved in {@code plugins}. */
    public static ExperimentSpec read(String text, String source, boolean json, String defaultName, Path baseDir,
                                      List<String> overrides, Plugins plugins) {
        ObjectNode root = parse(text, source, json);
        for (String assignment : overrides) {
            applyOverride(root, assignment, source);
        }
        return new SpecBinder(source, baseDir, plugins).bind(root, defaultName);
    }

    static ObjectNode parse(String text, String source, boolean json) {
        JsonNode tree;
        try {
            tree = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new SpecException(source, "", where + "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            // An empty file is a mistake (a wrong path, an unsaved editor buffer), never a request for defaults.
            throw new SpecException(source, "", "the spec is empty; write at least a dataset and a grid (see "
                    + "examples/quickstart.yaml), or run `bloomfit run` without a spec for the quickstart");
        }
        if (!tree.isObject()) {
            throw new SpecException(source, "", "a spec is a mapping with keys name, dataset, split, model, trainer, "
                    + "grid; found " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) tree;
    }

    /** Applies one {@code key=value} assignment; the value is read as YAML (numbers, lists, strings). */
    static void applyOverride(ObjectNode root, String assignment, String source) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new SpecException(source, "--set " + assignment, "expected key=value, e.g. model.epochs=2");
        }
        String key = assignment.substring(0, eq).trim();
        String valueText = assignment.substring(eq + 1).trim();
        JsonNode value;
        try {
            value = valueText.isEmpty() ? JsonNodeFactory.instance.textNode("") : YAML.readTree(valueText);
        } catch (JsonProcessingException e) {
            throw new SpecException(source, "--set " + key, "cannot read value '" + valueText + "': "
                    + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            value = JsonNodeFactory.instance.textNode(valueText);
        }
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SEGMENT.matcher(parts[i]);
            if (!m.matches()) {
                throw new SpecException(source, "--set " + key, "'" + parts[i] + "' is not a key; use dotted keys "
                        + "like grid.hash or grid.hash[1]");
            }
            String name = m.group(1);
            boolean last = i == parts.length - 1;
            if (!(node instanceof ObjectNode object)) {
                throw new SpecException(source, "--set " + key, "'" + name + "' is inside a value that is not a "
                        + "mapping");
            }
            if (m.group(2) == null) {
                if (last) {
                    object.set(name, value);
                } else {
                    JsonNode child = object.get(name);
                    if (child == null || !child.isObject()) {
                        child = object.putObject(name);
                    }
                    node = child;
                }
            } else {
                int index = Integer.parseInt(m.group(2));
                JsonNode child = object.get(name);
                if (child == null || !child.isArray() || index >= child.size()) {
                    throw new SpecException(source, "--set " + key, name + " has no element " + index
                            + (child != null && child.isArray() ? " (it has " + child.size() + ")" : ""));
                }
                ArrayNode array = (ArrayNode) child;
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            }
        }
    }
}
