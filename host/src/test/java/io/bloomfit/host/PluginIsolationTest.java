package io.bloomfit.host;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each plugin's class loader sees {@code io.bloomfit.api} and the JDK from the host and everything else only
 * from the plugin's own jars (AssertJ stands for a host library here: it is on this test's class path).
 */
class PluginIsolationTest {

    private static final String SERVICE = HashFunction.class.getName();
    private static final String HOST_LIBRARY_CLASS = "org.assertj.core.api.Assertions";

    @TempDir
    Path dir;

    private static PluginRegistry<HashFunction> hashes(PluginDirectory directory) {
        return PluginRegistry.load(HashFunction.class, HashFunction::name, "hash function", directory);
    }

    private Path pluginsWithOneHash() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("h.jar"),
                Map.of("com.example.H", PluginJars.hashSource("com.example", "H", "h", 1)), SERVICE, "com.example.H");
        return plugins;
    }

    @Test
    void aPluginSeesTheApiClassesAndResourcesAndTheJdk() throws Exception {
        ClassLoader plugin = PluginDirectory.of(pluginsWithOneHash()).jars().get(0).loader();

        assertThat(plugin.loadClass(HashFunction.class.getName())).isSameAs(HashFunction.class);
        String apiResource = "io/bloomfit/api/hash/HashFunction.class";
        assertThat(plugin.getResource(apiResource)).isNotNull()
                .isEqualTo(HashFunction.class.getClassLoader().getResource(apiResource));
        assertThat(plugin.loadClass("java.util.List")).isSameAs(java.util.List.class);
        // java.sql is defined to the platform class loader, not the boot loader
        assertThat(plugin.loadClass("java.sql.Connection"))
                .isSameAs(ClassLoader.getPlatformClassLoader().loadClass("java.sql.Connection"));
    }

    @Test
    void aPluginCannotLoadHostClassesOrResourcesOutsideTheApi() throws Exception {
        ClassLoader plugin = PluginDirectory.of(pluginsWithOneHash()).jars().get(0).loader();
        String resource = HOST_LIBRARY_CLASS.replace('.', '/') + ".class";
        // the host has them ...
        assertThat(Class.forName(HOST_LIBRARY_CLASS)).isNotNull();
        assertThat(getClass().getClassLoader().getResource(resource)).isNotNull();

        // ... the plugin does not
        assertThatThrownBy(() -> plugin.loadClass(HOST_LIBRARY_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(HOST_LIBRARY_CLASS, false, plugin))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(plugin.getResource(resource)).isNull();
        assertThat(plugin.getResources(resource).hasMoreElements()).isFalse();
    }

    @Test
    void aProviderThatNeedsAHostLibraryItDidNotBundleIsReportedAndSkipped() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String source = """
                package com.example;
                public final class Leaning implements io.bloomfit.api.hash.HashFunction {
                  private final Object helper = org.assertj.core.api.Assertions.assertThat(1);
                  public String name() { return "leaning"; }
                  public long hash(long key, long seed) { return key; }
                }
                """;
        PluginJars.build(plugins.resolve("leaning.jar"), Map.of("com.example.Leaning", source), SERVICE,
                "com.example.Leaning");

        PluginRegistry<HashFunction> registry = hashes(PluginDirectory.of(plugins));

        assertThat(registry.available()).isEmpty();
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("leaning.jar");
            assertThat(p.message()).contains("NoClassDefFoundError").contains("org/assertj/core/api/Assertions")
                    .contains("skipped");
        });
    }

    @Test
    void aPluginRunsWithItsOwnCopyOfAClassTheHostAlsoHas() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String ownCopy = """
                package org.assertj.core.api;
                public final class Assertions {
                  public static String origin() { return "bundled with the plugin"; }
                }
                """;
        String provider = """
                package com.example;
                public final class Reporting implements io.bloomfit.api.hash.HashFunction,
                    java.util.function.Supplier<String> {
                  public String name() { return "reporting"; }
                  public long hash(long key, long seed) { return key; }
                  public String get() { return org.assertj.core.api.Assertions.origin(); }
                }
                """;
        PluginJars.build(plugins.resolve("reporting.jar"),
                Map.of(HOST_LIBRARY_CLASS, ownCopy, "com.example.Reporting", provider), SERVICE,
                "com.example.Reporting");

        HashFunction reporting = hashes(PluginDirectory.of(plugins)).forName("reporting");

        assertThat(((Supplier<?>) reporting).get()).isEqualTo("bundled with the plugin");
        Class<?> pluginCopy = reporting.getClass().getClassLoader().loadClass(HOST_LIBRARY_CLASS);
        assertThat(pluginCopy).isNotSameAs(Class.forName(HOST_LIBRARY_CLASS));
        assertThat(pluginCopy.getClassLoader()).isSameAs(reporting.getClass().getClassLoader());
    }

    @Test
    void aPluginCannotReplaceOrAddClassesUnderTheApiPackages() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("smuggler.jar"),
                Map.of("io.bloomfit.api.hash.Smuggled",
                        PluginJars.hashSource("io.bloomfit.api.hash", "Smuggled", "smuggled", 0)),
                SERVICE, "io.bloomfit.api.hash.Smuggled");

        PluginRegistry<HashFunction> registry = hashes(PluginDirectory.of(plugins));

        assertThat(registry.available()).isEmpty();
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("smuggler.jar");
            assertThat(p.message()).contains("io.bloomfit.api.hash.Smuggled").contains("skipped");
        });
    }

    @Test
    void aPluginIsADirectoryOfJarsWithItsDependenciesBesideIt() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path stage = Files.createDirectories(dir.resolve("stage"));
        // two plugins bundle different versions of one library class
        Path times31 = mixerPlugin(plugins.resolve("times31"), stage.resolve("v1"), "com.example.One", "one", 31);
        mixerPlugin(plugins.resolve("times17"), stage.resolve("v2"), "com.example.Two", "two", 17);

        PluginRegistry<HashFunction> registry = hashes(PluginDirectory.of(plugins));

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.forName("one").hash(2, 1)).isEqualTo(3 * 31 + 7);
        assertThat(registry.forName("two").hash(2, 1)).isEqualTo(3 * 17 + 7);
        assertThat(registry.sourceOf("one").jar()).isEqualTo(times31);
    }

    /**
     * Writes plugin directory {@code plugin} holding {@code provider.jar} (hash {@code name}: {@code
     * Mixer.mix(key + seed)}) and, beside it, {@code mixer.jar} with {@code com.example.lib.Mixer} computing
     * {@code x * factor + 7}.
     */
    private static Path mixerPlugin(Path plugin, Path stage, String providerClass, String name, int factor)
            throws IOException {
        Files.createDirectories(plugin);
        Files.createDirectories(stage);
        Path library = PluginJars.jar(plugin.resolve("mixer.jar"))
                .source("com.example.lib.Mixer", "package com.example.lib;\n"
                        + "public final class Mixer { public static long mix(long x) { return x * " + factor
                        + " + 7; } }\n")
                .write();
        String simpleName = providerClass.substring(providerClass.lastIndexOf('.') + 1);
        PluginJars.jar(plugin.resolve("provider.jar"))
                .source(providerClass, "package com.example;\n"
                        + "public final class " + simpleName + " implements io.bloomfit.api.hash.HashFunction {\n"
                        + "  public String name() { return \"" + name + "\"; }\n"
                        + "  public long hash(long key, long seed) { return com.example.lib.Mixer.mix(key + seed); }\n"
                        + "}\n")
                .classPath(library)
                .service(SERVICE, providerClass)
                .write();
        return plugin;
    }

    @Test
    void aPluginDirectoryWithABrokenJarOrNoJarIsReportedAndSkipped() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path broken = Files.createDirectories(plugins.resolve("broken"));
        PluginJars.build(broken.resolve("provider.jar"),
                Map.of("com.example.B", PluginJars.hashSource("com.example", "B", "b", 0)), SERVICE, "com.example.B");
        Files.write(broken.resolve("truncated-dependency.jar"), new byte[] {'P', 'K', 3});
        Path empty = Files.createDirectories(plugins.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "the jar is missing");
        PluginJars.build(plugins.resolve("fine.jar"),
                Map.of("com.example.F", PluginJars.hashSource("com.example", "F", "f", 0)), SERVICE, "com.example.F");

        PluginDirectory directory = PluginDirectory.of(plugins);
        PluginRegistry<HashFunction> registry = hashes(directory);

        assertThat(registry.available()).containsExactly("f");
        assertThat(directory.jars()).extracting(PluginDirectory.JarLoader::jar)
                .containsExactly(plugins.resolve("fine.jar"));
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo(broken.toString());
            assertThat(p.message()).contains("truncated-dependency.jar").contains("not a valid jar")
                    .contains("skipped");
        });
        assertThat(registry.problems()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo(empty.toString());
            assertThat(p.message()).contains("no .jar file").contains("skipped");
        });
    }

    @Test
    void onePluginHasOneClassLoaderForEverySpiAndItIsTheContextLoaderWhileProvidersAreBuilt() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String hash = """
                package com.example;
                public final class Seen implements io.bloomfit.api.hash.HashFunction,
                    java.util.function.Supplier<ClassLoader> {
                  private final ClassLoader context = Thread.currentThread().getContextClassLoader();
                  public String name() { return "seen"; }
                  public long hash(long key, long seed) { return key; }
                  public ClassLoader get() { return context; }
                }
                """;
        String compressor = """
                package com.example;
                import io.bloomfit.api.embed.*;
                public final class Identity implements EmbeddingCompressor {
                  public String name() { return "identity"; }
                  public EmbeddingLayout layout(LayoutRequest request, io.bloomfit.api.hash.HashFunction hash) {
                    int n = request.numEntities();
                    int[] rows = new int[n];
                    for (int e = 0; e < n; e++) rows[e] = e;
                    return EmbeddingLayout.of(name(), request, new int[] {n}, new int[] {0}, rows, null,
                        Combiner.MEAN);
                  }
                }
                """;
        PluginJars.jar(plugins.resolve("both.jar"))
                .source("com.example.Seen", hash).source("com.example.Identity", compressor)
                .service(SERVICE, "com.example.Seen")
                .service(EmbeddingCompressor.class.getName(), "com.example.Identity")
                .write();
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        PluginDirectory directory = PluginDirectory.of(plugins);
        HashFunction seen = hashes(directory).forName("seen");
        EmbeddingCompressor identity = PluginRegistry.load(EmbeddingCompressor.class, EmbeddingCompressor::name,
                "compressor", directory).forName("identity");

        ClassLoader plugin = seen.getClass().getClassLoader();
        assertThat(plugin).isSameAs(directory.jars().get(0).loader()).isNotSameAs(getClass().getClassLoader());
        assertThat(identity.getClass().getClassLoader()).isSameAs(plugin);
        assertThat(((Supplier<?>) seen).get()).isSameAs(plugin);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
