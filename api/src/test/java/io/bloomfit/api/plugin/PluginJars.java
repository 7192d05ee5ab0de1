package io.bloomfit.api.plugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles small provider classes at test time and packs them into plugin jars, as a user would. */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Writes {@code jar} holding the given sources (fully qualified class name to source) compiled against the
     * test class path, plus {@code META-INF/services/<service>} listing {@code providers}.
     */
    public static Path build(Path jar, Map<String, String> sources, String service, String... providers) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        List<String> files = new ArrayList<>();
        for (var source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (!files.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none"));
            args.addAll(files);
            int status = compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test plugin sources did not compile");
            }
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + service));
            write(out, String.join("\n", providers) + "\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
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
