package io.bloomfit.server;

import io.bloomfit.experiment.spec.SpecException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's data directory and the rule that keeps request-named files inside it: uploaded datasets live in
 * {@code datasets/}, kept models in {@code models/<experiment>/}. A dataset path in a spec ({@code dataset.path}, the
 * part files of a {@code files} split) may name only files under the data directory: {@code ..}, absolute paths elsewhere and symbolic links that lead out are refused.
 */
@ApplicationScoped
public class DataDirectory {

    /** Uploaded datasets, one file per name. */
    public static final String DATASETS = "datasets";
    /** Models kept by experiments with {@code keepModels: true}. */
    public static final String MODELS = "models";

    private final Path root;

    @Inject
    public DataDirectory(ServerSettings settings) {
        this(Path.of(settings.dataDir()));
    }

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path datasets() {
        return root.resolve(DATASETS);
    }

    /** Where the models of experiment {@code id} are kept. */
    public Path models(String id) {
        return root.resolve(MODELS).resolve(id);
    }

    /**
     * The path a spec's file field names ({@code dataset.path}, {@code split.train}, ...), resolved inside the data
     * directory.
     *
     * @throws SpecException (at {@code field}) for {@code ..}, or an absolute path outside the directory
     */
    public Path confine(String source, String field, String path) {
        Path given = Path.of(path);
        for (Path part : given) {
            if (part.toString().equals("..")) {
                throw outside(source, field, path, "'..' is not allowed");
            }
        }
        Path resolved = root.resolve(given).normalize();
        if (!resolved.startsWith(root)) {
            throw outside(source, field, path, "it is outside the data directory");
        }
        return resolved;
    }

    /**
     * Checks that an existing {@code file} inside the data directory does not lead out of it through a symbolic
     * link.
     *
     * @throws SpecException when its real location is outside
     */
    public void requireInside(String source, String field, String path, Path file) {
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath())) {
                throw outside(source, field, path, "it is a link that leads outside the data directory");
            }
        } catch (IOException e) {
            throw new SpecException(source, field, "cannot read '" + path + "': " + e.getMessage());
        }
    }

    private static SpecException outside(String source, String field, String path, String why) {
        return new SpecException(source, field, "'" + path + "' is refused: " + why + "; the server reads "
                + "only files in its data directory: upload the file with PUT /api/datasets/NAME and use "
                + field.substring(field.lastIndexOf('.') + 1) + ": " + DATASETS + "/NAME");
    }
}
