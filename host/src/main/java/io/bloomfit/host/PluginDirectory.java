package io.bloomfit.host;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The directory users drop plugins into. A plugin is either a jar directly in the directory, or a sub-directory
 * holding the plugin's jar with the jars it depends on beside it (as Trino's plugin directories). Each plugin
 * gets one class loader of its own that sees {@code io.bloomfit.api} and the JDK from the host and loads
 * everything else child-first from the plugin's jars, never from the application class path: plugins see the
 * SPIs but neither each other nor the host's libraries, so a plugin can bundle its own Guava or Jackson.
 *
 * <p>The directory is taken from the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, else {@code ./plugins}. A missing directory simply means "no drop-in plugins". A plugin
 * that cannot be opened (an unreadable or corrupt jar, a sub-directory without jars) is reported as a
 * {@link PluginProblem} and skipped; the others still load. Plugins are opened in file-name order; entries whose
 * name starts with a dot are ignored.
 */
public final class PluginDirectory {

    public static final String PROPERTY = "bloomfit.plugins.dir";
    public static final String ENVIRONMENT = "BLOOMFIT_PLUGINS_DIR";
    public static final String DEFAULT = "plugins";

    private final Path directory;
    private final List<JarLoader> loaders = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    /**
     * A plugin and the class loader opened for it.
     *
     * @param jar    the plugin: a jar in the plugin directory, or the sub-directory that holds its jars
     * @param loader the plugin's own class loader, shared by every SPI the plugin provides
     */
    public record JarLoader(Path jar, ClassLoader loader) {
    }

    private static final System.Logger LOG = System.getLogger(PluginDirectory.class.getName());

    private PluginDirectory(Path directory, ClassLoader apiLoader) {
        this.directory = directory;
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        Optional<List<Path>> plugins = list(directory, p -> Files.isDirectory(p) || isJar(p));
        for (Path plugin : plugins.orElse(List.of())) {
            if (!Files.isDirectory(plugin)) {
                open(plugin, List.of(plugin), apiLoader);
                continue;
            }
            Optional<List<Path>> jars = list(plugin, PluginDirectory::isJar);
            if (jars.isPresent() && jars.get().isEmpty()) {
                problems.add(new PluginProblem(plugin.toString(), "plugin directory holds no .jar file; skipped"));
            } else if (jars.isPresent()) {
                open(plugin, jars.get(), apiLoader);
            }
        }
        // Logged here, once: every registry that reads this directory lists these problems without logging them.
        for (PluginProblem problem : problems) {
            LOG.log(System.Logger.Level.WARNING, "bloomfit plugins: {0}", problem);
        }
    }

    private void open(Path plugin, List<Path> jars, ClassLoader apiLoader) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            String unusable = unusable(jar);
            if (unusable != null) {
                String where = jar.equals(plugin) ? "" : " " + jar.getFileName();
                problems.add(new PluginProblem(plugin.toString(), "jar" + where + " " + unusable + "; skipped"));
                return;
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                problems.add(new PluginProblem(plugin.toString(), "cannot open jar " + jar.getFileName() + ": "
                        + e.getMessage() + "; skipped"));
                return;
            }
        }
        loaders.add(new JarLoader(plugin,
                new PluginClassLoader("bloomfit-plugin:" + plugin.getFileName(), urls, apiLoader)));
    }

    /** Why {@code jar} cannot be used, or {@code null} when it opens as a jar. */
    private static String unusable(Path jar) {
        if (!Files.isReadable(jar)) {
            return "is not readable";
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            return null;
        } catch (IOException e) {
            return "is not a valid jar (" + e.getMessage() + ")";
        }
    }

    /**
     * The visible entries of {@code folder} accepted by {@code filter}, sorted by name; empty (and reported) when
     * the folder cannot be listed.
     */
    private Optional<List<Path>> list(Path folder, Predicate<Path> filter) {
        try (Stream<Path> listing = Files.list(folder)) {
            return Optional.of(listing.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(filter).sorted().toList());
        } catch (IOException e) {
            problems.add(new PluginProblem(folder.toString(), "cannot list plugin directory: " + e + "; skipped"));
            return Optional.empty();
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    /** The directory named by the configuration (property, environment, default). */
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

    /** Opens {@code directory}; {@code null} or a missing directory gives no plugins. */
    public static PluginDirectory of(Path directory) {
        return new PluginDirectory(directory, PluginDirectory.class.getClassLoader());
    }

    /** No drop-in plugins at all. */
    public static PluginDirectory none() {
        return of(null);
    }

    public Path directory() {
        return directory;
    }

    /** Every plugin that opened, in file-name order, each with its class loader. */
    public List<JarLoader> jars() {
        return List.copyOf(loaders);
    }

    /** Plugins that could not be opened and were skipped. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }
}
