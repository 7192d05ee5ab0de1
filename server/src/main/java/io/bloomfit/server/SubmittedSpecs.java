package io.bloomfit.server;

import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a spec sent to the server with the CLI's reader and binder ({@link SpecReader}: the same defaults and the
 * same messages, every problem with its field path), after one server rule: the files a spec names
 * ({@code dataset.path}, the part files of a {@code files} split) are confined to the data directory
 * ({@link DataDirectory#confine}) and resolved there.
 */
@ApplicationScoped
public class SubmittedSpecs {

    /** How a spec from a request is named in messages. */
    static final String SOURCE = "request";
    private static final String DEFAULT_NAME = "experiment";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final DataDirectory dataDirectory;

    @Inject
    public SubmittedSpecs(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /**
     * The spec a request body holds.
     *
     * @param json the body is JSON (else YAML)
     * @throws io.bloomfit.experiment.spec.SpecException with the CLI's messages
     */
    public ExperimentSpec read(String body, boolean json) {
        JsonNode tree;
        try {
            tree = (json ? JSON : YAML).readTree(body);
        } catch (JsonProcessingException e) {
            // not parseable: let the CLI's reader say so, in its words
            return SpecReader.read(body, SOURCE, json, DEFAULT_NAME, dataDirectory.root(), List.of());
        }
        if (tree instanceof ObjectNode root && confineFiles(root)) {
            return SpecReader.read(root.toString(), SOURCE, true, DEFAULT_NAME, dataDirectory.root(), List.of());
        }
        return SpecReader.read(body, SOURCE, json, DEFAULT_NAME, dataDirectory.root(), List.of());
    }

    /**
     * Confines the files a spec names ({@code dataset.path}; {@code split.train}, {@code split.test} and
     * {@code split.validation} of a {@code files} split) to the data directory, replacing each with its resolved
     * path; whether there was any.
     */
    private boolean confineFiles(ObjectNode root) {
        boolean any = false;
        if (root.get("dataset") instanceof ObjectNode dataset) {
            any |= confine(dataset, "path", "dataset.path");
        }
        if (root.get("split") instanceof ObjectNode split && split.path("kind").asText("").equals("files")) {
            for (String part : List.of("train", "test", "validation")) {
                any |= confine(split, part, "split." + part);
            }
        }
        return any;
    }

    private boolean confine(ObjectNode section, String key, String field) {
        if (section.get(key) == null || !section.get(key).isTextual()) {
            return false;
        }
        String path = section.get(key).asText();
        Path inside = dataDirectory.confine(SOURCE, field, path);
        dataDirectory.requireInside(SOURCE, field, path, inside);
        section.put(key, inside.toString());
        return true;
    }

    /** The canonical spec an experiment stored (JSON, written by {@link ExperimentSpec#source()}), read again. */
    public ExperimentSpec stored(String id, String canonical) {
        return SpecReader.read(canonical, "experiment " + id, true, DEFAULT_NAME, dataDirectory.root(), List.of());
    }
}
