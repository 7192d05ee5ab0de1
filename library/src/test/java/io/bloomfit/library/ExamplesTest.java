package io.bloomfit.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java example in the repository's {@code examples/java/} compiles against this library and runs as the README
 * shows it (on the built-in synthetic stand-in for MovieLens 100K).
 */
class ExamplesTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "java", "BloomEmbeddingsExample.java");

    @Test
    void theBloomEmbeddingsExampleCompilesAndPrintsAnMrrPerHashFunction(@TempDir Path classes) throws Exception {
        assertThat(EXAMPLE).as("the example beside this module").isRegularFile();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "-d", classes.toString(), "-classpath", testClassPath(),
                EXAMPLE.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        String printed = runMain(classes, "BloomEmbeddingsExample");

        Matcher line = Pattern.compile("(?m)^(\\S+)\\s+MRR (\\d\\.\\d{4})$").matcher(printed);
        List<String> hashes = new java.util.ArrayList<>();
        while (line.find()) {
            hashes.add(line.group(1));
            // random ranking scores about 0.005 on this data and popularity about 0.056: a trained model is above
            // random by far, whatever the hash function
            assertThat(Double.parseDouble(line.group(2))).as(line.group()).isBetween(0.02, 1.0);
        }
        assertThat(hashes).containsExactly("murmur3_32", "xxh64", "md5", "sha1", "sha256");
    }

    /** What this test runs with, as one class path: the class path and, when tests run as modules, the module path. */
    private static String testClassPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return modules.isEmpty() ? classes : modules + java.io.File.pathSeparator + classes;
    }

    private static String runMain(Path classes, String className) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(before);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        Files.writeString(classes.resolve("printed.txt"), printed);
        return printed;
    }
}
