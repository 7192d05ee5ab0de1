package io.bloomfit.spark;

import io.bloomfit.host.PluginRegistry;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.spec.ExperimentSpec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the {@link SweepJob} of a validated spec: its canonical JSON with relative data files ({@code dataset.path},
 * a {@code files} split's parts) made absolute against the driver's working directory (where the CLI would read it), so an executor started in
 * another directory reads the same file (which must be readable there: a shared file system or the same path on
 * every node).
 */
final class SweepJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentSpec spec;
    private final String specJson;

    SweepJobs(ExperimentSpec spec) {
        this.spec = spec;
        this.specJson = withAbsoluteDataPath(spec.source());
    }

    SweepJob job(String pluginsShipped) {
        return new SweepJob(spec.name(), specJson, spec.trainer().name(), spec.trainer().threads(), pluginsShipped);
    }

    /**
     * The spec as an executor reads it: its grid's compressor and hash lists cut down to what is installed
     * there. The grid is not expanded on executors (each task brings its point), and a point whose plugins are
     * missing has already failed with its own message, so the points whose plugins are there still run.
     */
    static String forExecutor(String specJson, Plugins plugins) {
        try {
            JsonNode root = JSON.readTree(specJson);
            if (root.get("grid") instanceof ObjectNode grid) {
                keepInstalled(grid, "compressor", plugins.compressors());
                keepInstalled(grid, "hash", plugins.hashes());
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the canonical spec is not JSON: " + e.getMessage(), e);
        }
    }

    private static void keepInstalled(ObjectNode grid, String key, PluginRegistry<?> registry) {
        if (!(grid.get(key) instanceof ArrayNode names)) {
            return;
        }
        ArrayNode kept = grid.arrayNode();
        for (JsonNode name : names) {
            if (registry.contains(name.asText())) {
                kept.add(name);
            }
        }
        if (kept.isEmpty()) {
            grid.remove(key); // the default is built in
        } else {
            grid.set(key, kept);
        }
    }

    /**
     * {@code canonicalJson} with its data files ({@code dataset.path}, the part files of a {@code files} split) made
     * absolute against this JVM's working directory.
     */
    static String withAbsoluteDataPath(String canonicalJson) {
        try {
            JsonNode root = JSON.readTree(canonicalJson);
            absolute(root.get("dataset"), "path");
            JsonNode split = root.get("split");
            if (split != null && split.path("kind").asText("").equals("files")) {
                for (String part : List.of("train", "test", "validation")) {
                    absolute(split, part);
                }
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the canonical spec is not JSON: " + e.getMessage(), e);
        }
    }

    private static void absolute(JsonNode section, String key) {
        if (section instanceof ObjectNode object && object.hasNonNull(key) && object.get(key).isTextual()) {
            object.put(key, Path.of(object.get(key).asText()).toAbsolutePath().normalize().toString());
        }
    }
}
