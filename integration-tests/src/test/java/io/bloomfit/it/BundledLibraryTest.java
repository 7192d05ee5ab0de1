package io.bloomfit.it;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.PluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A plugin bundles Guava 31.1 while the host (through hash-plugins) runs a newer Guava: the plugin, a directory
 * holding its jar and Guava's, sees only its own copy, the host only the host's; and a plugin that bundles
 * nothing cannot reach the host's Guava or a framework class outside {@code io.bloomfit.api}.
 */
class BundledLibraryTest {

    private static final String BUNDLED_VERSION = "31.1-jre";
    /** Only in Guava 33.x (absent from 31.1): tells the two versions apart by what they contain. */
    private static final String NEWER_GUAVA_ONLY = "com.google.common.graph.ArchetypeGraph";
    private static final String GUAVA_CLASS = "com.google.common.collect.ImmutableList";

    /** Reports which Guava it runs with: the pom version Guava's jar carries, the jar, a 33.x-only class. */
    private static final String PROBE_SOURCE = """
            package org.example.probe;
            public final class GuavaProbe implements io.bloomfit.api.hash.HashFunction,
                java.util.function.Supplier<String> {
              public String name() { return "guava-probe"; }
              public long hash(long key, long seed) {
                return com.google.common.primitives.Longs.hashCode(key ^ seed);
              }
              public String get() {
                Class<?> guava = com.google.common.collect.ImmutableList.class;
                java.util.Properties pom = new java.util.Properties();
                try (java.io.InputStream in = guava.getClassLoader()
                    .getResourceAsStream("META-INF/maven/com.google.guava/guava/pom.properties")) {
                  pom.load(in);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
                String jar = guava.getProtectionDomain().getCodeSource().getLocation().getPath();
                boolean newer;
                try {
                  Class.forName("%s", false, guava.getClassLoader());
                  newer = true;
                } catch (ClassNotFoundException e) {
                  newer = false;
                }
                return pom.getProperty("version") + " " + jar.substring(jar.lastIndexOf('/') + 1) + " " + newer;
              }
            }
            """.formatted(NEWER_GUAVA_ONLY);

    @TempDir
    Path dir;
    private Path guava31;

    @BeforeEach
    void findBundledGuava() {
        String fetched = System.getProperty("bloomfit.it.bundledLibs");
        if (fetched != null && !fetched.isBlank()) {
            // The Maven build copies the jar there (integration-tests/pom.xml): it must be present.
            guava31 = Path.of(fetched, "guava-" + BUNDLED_VERSION + ".jar");
            assertThat(guava31).as("jar copied by maven-dependency-plugin").isRegularFile();
            return;
        }
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        guava31 = repository.resolve("com/google/guava/guava/" + BUNDLED_VERSION + "/guava-" + BUNDLED_VERSION
                + ".jar");
        assumeTrue(Files.isRegularFile(guava31), () -> "Guava " + BUNDLED_VERSION + " is not in the local Maven "
                + "repository (" + guava31 + "); run this test through Maven, which fetches it, or fetch it with "
                + "./mvnw dependency:get -Dartifact=com.google.guava:guava:" + BUNDLED_VERSION);
    }

    @AfterEach
    void forgetPlugins() {
        PluginJars.forgetSharedPlugins();
    }

    @Test
    void aPluginRunsWithTheGuavaItBundlesAndTheHostWithItsOwn() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.createDirectories(plugins.resolve("guava-probe"));
        Files.copy(guava31, plugin.resolve(guava31.getFileName()));
        PluginJars.jar(plugin.resolve("guava-probe.jar"))
                .source("org.example.probe.GuavaProbe", PROBE_SOURCE)
                .classPath(guava31)
                .service(HashFunction.class.getName(), "org.example.probe.GuavaProbe")
                .write();
        PluginJars.useSharedPlugins(plugins);

        HashFunction probe = HashFunctions.forName("guava-probe");

        assertThat(HashFunctions.registry().problems()).isEmpty();
        assertThat(HashFunctions.registry().sourceOf("guava-probe").jar()).isEqualTo(plugin);
        assertThat(((Supplier<?>) probe).get()).isEqualTo(BUNDLED_VERSION + " guava-31.1-jre.jar false");
        // Longs.hashCode(v) is (int) (v ^ (v >>> 32)); 0x1_0000_0002 ^ 0 folds to 3
        assertThat(probe.hash(0x1_0000_0002L, 0)).isEqualTo(3L);

        Class<?> hostGuava = Class.forName(GUAVA_CLASS);
        String hostVersion = pomVersion(hostGuava);
        assertThat(hostVersion).isNotEqualTo(BUNDLED_VERSION);
        assertThat(hostGuava.getProtectionDomain().getCodeSource().getLocation().getPath())
                .endsWith("guava-" + hostVersion + ".jar");
        assertThat(Class.forName(NEWER_GUAVA_ONLY, false, hostGuava.getClassLoader())).isNotNull();
        assertThat(probe.getClass().getClassLoader().loadClass(GUAVA_CLASS)).isNotSameAs(hostGuava);
    }

    @Test
    void aPluginThatBundlesNothingCannotLoadHostClassesOutsideTheApi() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("plain-hash.jar"),
                Map.of("org.example.Plain", PluginJars.hashSource("org.example", "Plain", "plain-hash", 0)),
                HashFunction.class.getName(), "org.example.Plain");
        ClassLoader plugin = PluginDirectory.of(plugins).jars().get(0).loader();

        for (String hostClass : new String[] {GUAVA_CLASS, "io.bloomfit.embed.BloomCompressor",
                "io.bloomfit.hash.Xxh3"}) {
            assertThat(Class.forName(hostClass)).as("on the host's class path").isNotNull();
            assertThatThrownBy(() -> plugin.loadClass(hostClass)).as(hostClass)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(plugin.loadClass(HashFunction.class.getName())).isSameAs(HashFunction.class);
    }

    private static String pomVersion(Class<?> guava) throws IOException {
        Properties pom = new Properties();
        try (InputStream in = guava.getClassLoader()
                .getResourceAsStream("META-INF/maven/com.google.guava/guava/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
