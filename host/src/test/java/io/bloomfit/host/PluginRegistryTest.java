package io.bloomfit.host;

import io.bloomfit.api.hash.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRegistryTest {

    private static final String SERVICE = HashFunction.class.getName();

    @TempDir
    Path dir;

    private PluginRegistry<HashFunction> load(Path pluginDir) {
        return PluginRegistry.load(HashFunction.class, HashFunction::name, "hash function",
                PluginDirectory.of(pluginDir));
    }

    @Test
    void loadsProvidersFromADropInJarWithItsSource() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.build(plugins.resolve("my-hash.jar"),
                Map.of("com.example.MyHash", PluginJars.hashSource("com.example", "MyHash", "my-hash", 7)),
                SERVICE, "com.example.MyHash");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThat(registry.available()).contains("my-hash");
        assertThat(registry.forName("my-hash").hash(1, 2)).isEqualTo(10L);
        assertThat(registry.sourceOf("my-hash").jar()).isEqualTo(jar);
        assertThat(registry.sourceOf("my-hash").builtIn()).isFalse();
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void eachJarGetsItsOwnClassLoaderSoSameNamedClassesDoNotClash() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("a.jar"),
                Map.of("com.example.H", PluginJars.hashSource("com.example", "H", "hash-a", 1)), SERVICE,
                "com.example.H");
        PluginJars.build(plugins.resolve("b.jar"),
                Map.of("com.example.H", PluginJars.hashSource("com.example", "H", "hash-b", 2)), SERVICE,
                "com.example.H");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThat(registry.forName("hash-a").hash(0, 0)).isEqualTo(1L);
        assertThat(registry.forName("hash-b").hash(0, 0)).isEqualTo(2L);
        assertThat(registry.forName("hash-a").getClass().getClassLoader())
                .isNotSameAs(registry.forName("hash-b").getClass().getClassLoader());
    }

    @Test
    void unknownNameListsEveryAvailableName() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("a.jar"),
                Map.of("com.example.A", PluginJars.hashSource("com.example", "A", "alpha", 1),
                        "com.example.B", PluginJars.hashSource("com.example", "B", "beta", 2)),
                SERVICE, "com.example.A", "com.example.B");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThatThrownBy(() -> registry.forName("gamma"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown hash function 'gamma'; available: alpha, beta");
    }

    @Test
    void aBrokenJarIsReportedAndSkippedWhileOthersLoad() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("0-garbage.jar"), new byte[] {1, 2, 3, 4, 5});
        PluginJars.build(plugins.resolve("1-missing-class.jar"), Map.of(), SERVICE, "com.example.DoesNotExist");
        PluginJars.build(plugins.resolve("2-good.jar"),
                Map.of("com.example.Good", PluginJars.hashSource("com.example", "Good", "good", 0)), SERVICE,
                "com.example.Good");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThat(registry.available()).containsExactly("good");
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.source()).endsWith("0-garbage.jar");
            assertThat(p.message()).contains("not a valid jar").contains("skipped");
        });
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.source()).endsWith("1-missing-class.jar");
            assertThat(p.message()).contains("com.example.DoesNotExist").contains("skipped");
        });
    }

    @Test
    void aProviderThatThrowsIsReportedWithItsCause() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String source = "package com.example;\n"
                + "public final class Boom implements io.bloomfit.api.hash.HashFunction {\n"
                + "  public Boom() { throw new IllegalStateException(\"no licence key\"); }\n"
                + "  public String name() { return \"boom\"; }\n"
                + "  public long hash(long key, long seed) { return 0; }\n"
                + "}\n";
        PluginJars.build(plugins.resolve("boom.jar"), Map.of("com.example.Boom", source), SERVICE,
                "com.example.Boom");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThat(registry.available()).doesNotContain("boom");
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("boom.jar");
            assertThat(p.message()).contains("no licence key");
        });
    }

    @Test
    void aDuplicateNameKeepsTheBuiltInAndNamesBothSources() throws IOException {
        Path builtInJar = PluginJars.build(Files.createDirectories(dir.resolve("app")).resolve("app.jar"),
                Map.of("com.example.Builtin", PluginJars.hashSource("com.example", "Builtin", "dup", 100)),
                SERVICE, "com.example.Builtin");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path dropIn = PluginJars.build(plugins.resolve("dup.jar"),
                Map.of("com.example.DropIn", PluginJars.hashSource("com.example", "DropIn", "dup", 200)), SERVICE,
                "com.example.DropIn");

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader app = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                PluginRegistryTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(app);
            PluginRegistry<HashFunction> registry = load(plugins);

            assertThat(registry.forName("dup").hash(0, 0)).isEqualTo(100L);
            assertThat(registry.sourceOf("dup").builtIn()).isTrue();
            assertThat(registry.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(dropIn.toString());
                assertThat(p.message()).contains("'dup'").contains("com.example.DropIn")
                        .contains("com.example.Builtin").contains("built-in").contains("keeping");
            });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aProviderWhoseNameBreaksTheRuleIsSkippedWithAProblemNamingJarClassNameAndRule() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String nameless = PluginJars.hashSource("com.example", "Nameless", "unused", 0)
                .replace("return \"unused\";", "return null;");
        Path jar = PluginJars.build(plugins.resolve("names.jar"),
                Map.of("com.example.Upper", PluginJars.hashSource("com.example", "Upper", "Fnv1a", 1),
                        "com.example.Spaced", PluginJars.hashSource("com.example", "Spaced", "fnv 1a", 2),
                        "com.example.Nameless", nameless,
                        "com.example.Fine", PluginJars.hashSource("com.example", "Fine", "fnv1a", 3)),
                SERVICE, "com.example.Upper", "com.example.Spaced", "com.example.Nameless", "com.example.Fine");

        PluginRegistry<HashFunction> registry = load(plugins);

        assertThat(registry.available()).containsExactly("fnv1a");
        assertThat(registry.problems()).hasSize(3).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo(jar.toString());
            assertThat(p.message()).contains("[a-z0-9][a-z0-9_-]{0,63}").contains("skipped");
        });
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("com.example.Upper").contains("'Fnv1a'"));
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("com.example.Spaced").contains("'fnv 1a'"));
        assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("com.example.Nameless").contains("is named null"));
    }

    @Test
    void aMissingDirectoryMeansNoDropIns() {
        PluginRegistry<HashFunction> registry = load(dir.resolve("nowhere"));
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.available()).isEmpty();
    }

    @Test
    void theDirectoryComesFromThePropertyThenTheDefault() {
        String previous = System.getProperty(PluginDirectory.PROPERTY);
        try {
            System.setProperty(PluginDirectory.PROPERTY, dir.toString());
            assertThat(PluginDirectory.configuredPath()).isEqualTo(dir);
            System.clearProperty(PluginDirectory.PROPERTY);
            if (System.getenv(PluginDirectory.ENVIRONMENT) == null) {
                assertThat(PluginDirectory.configuredPath()).isEqualTo(Path.of("plugins"));
            }
        } finally {
            if (previous == null) {
                System.clearProperty(PluginDirectory.PROPERTY);
            } else {
                System.setProperty(PluginDirectory.PROPERTY, previous);
            }
        }
    }
}
