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
 * same messages, every problem with its field path), after one server rule: a {@code dataset.path} is confined to
 * the data directory ({@link DataDirectory#confine}) and resolved there.
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
        if (tree instanceof ObjectNode root && root.get("dataset") instanceof ObjectNode dataset
                && dataset.get("path") != null && dataset.get("path").isTextual()) {
            String path = dataset.get("path").asText();
            Path inside = dataDirectory.confine(SOURCE, path);
            dataDirectory.requireInside(SOURCE, path, inside);
            dataset.put("path", inside.toString());
            return SpecReader.read(root.toString(), SOURCE, true, DEFAULT_NAME, dataDirectory.root(), List.of());
        }
        return SpecReader.read(body, SOURCE, json, DEFAULT_NAME, dataDirectory.root(), List.of());
    }

    /** The canonical spec an experiment stored (JSON, written by {@link ExperimentSpec#source()}), read again. */
    public ExperimentSpec stored(String id, String canonical) {
        return SpecReader.read(canonical, "experiment " + id, true, DEFAULT_NAME, dataDirectory.root(), List.of());
    }
}
