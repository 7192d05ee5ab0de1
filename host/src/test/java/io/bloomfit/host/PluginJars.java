package io.bloomfit.host;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Compiles small provider classes at test time and packs them into plugin jars, as a user would. Shared with
 * {@code integration-tests} through api's test-jar.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code jar} holding the given sources (fully qualified class name to source) compiled against the
     * test class path, plus {@code META-INF/services/<service>} listing {@code providers}.
     */
    public static Path build(Path jar, Map<String, String> sources, String service, String... providers)
            throws IOException {
        return jar(jar).sources(sources).service(service, providers).write();
    }

    /**
     * Points the shared registries ({@code HashFunctions}, {@code EmbeddingCompressors}, {@code Trainers}) at
     * {@code plugins} through {@link PluginDirectory#PROPERTY} and forgets what they loaded before; undo with
     * {@link #forgetSharedPlugins()}.
     */
    public static void useSharedPlugins(Path plugins) {
        System.setProperty(PluginDirectory.PROPERTY, plugins.toString());
        PluginRegistry.resetShared();
    }

    /** Clears {@link PluginDirectory#PROPERTY} and the shared registries. */
    public static void forgetSharedPlugins() {
        System.clearProperty(PluginDirectory.PROPERTY);
        PluginRegistry.resetShared();
    }

    /** Starts a jar to be written at {@code jar}. */
    public static Builder jar(Path jar) {
        return new Builder(jar);
    }

    /** The contents of one jar: sources to compile, service files and plain resources. */
    public static final class Builder {

        private final Path jar;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, String> resources = new LinkedHashMap<>();
        private final List<Path> classPath = new ArrayList<>();

        private Builder(Path jar) {
            this.jar = jar;
        }

        /** Adds the source of the class {@code className} (fully qualified). */
        public Builder source(String className, String source) {
            sources.put(className, source);
            return this;
        }

        /** Adds every source (fully qualified class name to source). */
        public Builder sources(Map<String, String> more) {
            sources.putAll(more);
            return this;
        }

        /** Lists {@code providers} in {@code META-INF/services/<service>}. */
        public Builder service(String service, String... providers) {
            return resource("META-INF/services/" + service, String.join("\n", providers) + "\n");
        }

        /** Adds a text resource at {@code path} inside the jar. */
        public Builder resource(String path, String text) {
            resources.put(path, text);
            return this;
        }

        /** Compiles against {@code entries} (jars or class folders) ahead of the test class path. */
        public Builder classPath(Path... entries) {
            classPath.addAll(List.of(entries));
            return this;
        }

        /** Compiles the sources (in a scratch folder outside the jar's folder, deleted after) and writes the jar. */
        public Path write() throws IOException {
            Path work = Files.createTempDirectory("bloomfit-plugin-src");
            try {
                Path classes = Files.createDirectories(work.resolve("classes"));
                compile(work, classes);
                pack(classes);
            } finally {
                try (Stream<Path> walk = Files.walk(work)) {
                    for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return jar;
        }

        private void pack(Path classes) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
                for (var resource : resources.entrySet()) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }

        private void compile(Path work, Path classes) throws IOException {
            if (sources.isEmpty()) {
                return;
            }
            List<String> files = new ArrayList<>();
            for (var source : sources.entrySet()) {
                Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            List<String> path = new ArrayList<>(classPath.stream().map(Path::toString).toList());
            path.add(System.getProperty("java.class.path"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    String.join(File.pathSeparator, path), "-proc:none", "-nowarn"));
            args.addAll(files);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int status = compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test plugin sources " + sources.keySet() + " did not compile (javac's errors are on stderr)");
            }
        }
    }

    /** Source of a HashFunction named {@code name} returning {@code key + seed + constant}. */
    public static String hashSource(String pkg, String simpleName, String name, long constant) {
        return "package " + pkg + ";\n"
                + "public final class " + simpleName + " implements io.bloomfit.api.hash.HashFunction {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public long hash(long key, long seed) { return key + seed + " + constant + "L; }\n"
                + "}\n";
    }
}
