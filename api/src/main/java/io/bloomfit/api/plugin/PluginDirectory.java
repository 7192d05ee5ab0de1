package io.bloomfit.api.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory users drop plugin jars into. Each jar gets a class loader of its own whose parent is the
 * loader that holds {@code api}, so plugins see the SPIs but not each other (as Trino's plugin directories).
 *
 * <p>The directory is taken from the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, else {@code ./plugins}. A missing directory simply means "no drop-in plugins".
 */
public final class PluginDirectory {

    public static final String PROPERTY = "bloomfit.plugins.dir";
    public static final String ENVIRONMENT = "BLOOMFIT_PLUGINS_DIR";
    public static final String DEFAULT = "plugins";

    private final Path directory;
    private final List<JarLoader> loaders = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    /** A jar and the class loader opened for it. */
    public record JarLoader(Path jar, ClassLoader loader) {
    }

    private PluginDirectory(Path directory, ClassLoader parent) {
        this.directory = directory;
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> listing = Files.list(directory)) {
            jars = listing.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add(new PluginProblem(directory.toString(), "cannot list plugin directory: " + e));
            return;
        }
        for (Path jar : jars) {
            if (!Files.isReadable(jar)) {
                problems.add(new PluginProblem(jar.toString(), "jar is not readable; skipped"));
                continue;
            }
            try {
                URL url = jar.toUri().toURL();
                loaders.add(new JarLoader(jar, new URLClassLoader("bloomfit-plugin:" + jar.getFileName(),
                        new URL[] {url}, parent)));
            } catch (MalformedURLException e) {
                problems.add(new PluginProblem(jar.toString(), "cannot open jar: " + e.getMessage() + "; skipped"));
            }
        }
    }

    /** The directory named by the configuration (property, environment, default), with the api's loader as parent. */
    public static PluginDirectory configured() {
        return of(configuredPath());
    }

    /** The configured path, whether or not it exists. */
    public static Path configuredPath() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        if (value == null || value.isBlank()) {
            value = DEFAULT;
        }
        return Path.of(value);
    }

    /** Opens {@code directory}; {@code null} or a missing directory gives an empty set of jars. */
    public static PluginDirectory of(Path directory) {
        return new PluginDirectory(directory, PluginDirectory.class.getClassLoader());
    }

    /** No drop-in jars at all. */
    public static PluginDirectory none() {
        return of(null);
    }

    public Path directory() {
        return directory;
    }

    public List<JarLoader> jars() {
        return List.copyOf(loaders);
    }

    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }
}
