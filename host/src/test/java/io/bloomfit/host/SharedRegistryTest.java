package io.bloomfit.host;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The process-wide registries behind {@code HashFunctions} and {@code EmbeddingCompressors}. */
class SharedRegistryTest {

    private static final String HASH = HashFunction.class.getName();
    private static final String COMPRESSOR = EmbeddingCompressor.class.getName();
    /** Generous: a deadlock or an endless recursion fails the test instead of hanging the build. */
    private static final Duration NO_DEADLOCK = Duration.ofSeconds(60);

    /** A compressor that resolves the hash function "base" in its constructor (and numbers rows with it). */
    private static final String RESOLVING_COMPRESSOR = """
            package com.example;
            import io.bloomfit.api.embed.*;
            import io.bloomfit.api.hash.HashFunction;
            public final class Resolving implements EmbeddingCompressor, java.util.function.Supplier<HashFunction> {
              private final HashFunction hash = io.bloomfit.host.HashFunctions.forName("base");
              public String name() { return "resolving"; }
              public HashFunction get() { return hash; }
              public EmbeddingLayout layout(LayoutRequest request, HashFunction ignored) {
                int n = request.numEntities();
                int[] rows = new int[n];
                for (int e = 0; e < n; e++) rows[e] = (int) Math.floorMod(hash.hash(e, request.seed()), (long) n);
                return EmbeddingLayout.of(name(), request, new int[] {n}, new int[] {0}, rows, null, Combiner.MEAN);
              }
            }
            """;

    /** A hash function that resolves another hash function in its constructor: its own registry, mid-load. */
    private static final String DERIVED_HASH = """
            package com.example;
            public final class Derived implements io.bloomfit.api.hash.HashFunction {
              private final io.bloomfit.api.hash.HashFunction base = io.bloomfit.host.HashFunctions.forName("base");
              public String name() { return "derived"; }
              public long hash(long key, long seed) { return base.hash(key, seed) + 1; }
            }
            """;

    /** Counts its constructions in a static field, readable through {@link IntSupplier}. */
    private static final String COUNTED_HASH = """
            package com.example;
            public final class Counted implements io.bloomfit.api.hash.HashFunction, java.util.function.IntSupplier {
              private static final java.util.concurrent.atomic.AtomicInteger BUILT =
                  new java.util.concurrent.atomic.AtomicInteger();
              public Counted() { BUILT.incrementAndGet(); }
              public String name() { return "counted"; }
              public long hash(long key, long seed) { return key ^ seed; }
              public int getAsInt() { return BUILT.get(); }
            }
            """;

    @TempDir
    Path dir;

    private Path plugins() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.useSharedPlugins(plugins);
        return plugins;
    }

    @AfterEach
    void forgetPlugins() {
        PluginJars.forgetSharedPlugins();
    }

    /**
     * A drop-in plugin sees the contract and the JDK only: one whose constructor reaches for the host's registries
     * (which a plugin must never do: it is handed what it needs) is skipped with a problem naming the missing class.
     */
    @Test
    void aPluginCannotReachTheHostsRegistries() throws Exception {
        Path plugins = plugins();
        PluginJars.build(plugins.resolve("resolving.jar"), Map.of("com.example.Resolving", RESOLVING_COMPRESSOR),
                COMPRESSOR, "com.example.Resolving");

        PluginRegistry<EmbeddingCompressor> compressors = EmbeddingCompressors.registry();

        assertThat(compressors.contains("resolving")).isFalse();
        assertThat(compressors.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("resolving.jar");
            assertThat(p.message()).contains("com.example.Resolving").contains("io/bloomfit/host/HashFunctions")
                    .contains("skipped");
        });
    }

    /**
     * Built-in providers (on the application's class path, here a loader of their own set as the context loader)
     * may look up another kind of provider in their constructor without a deadlock.
     */
    @Test
    void aBuiltInProviderMayLookUpAnotherKindOfProviderInItsConstructor() throws Exception {
        plugins();
        Path base = PluginJars.build(dir.resolve("base.jar"),
                Map.of("com.example.Base", PluginJars.hashSource("com.example", "Base", "base", 5)), HASH,
                "com.example.Base");
        Path resolving = PluginJars.build(dir.resolve("resolving.jar"),
                Map.of("com.example.Resolving", RESOLVING_COMPRESSOR), COMPRESSOR, "com.example.Resolving");

        withBuiltIns(() -> {
            // the compressors load first, so the hash registry loads from inside a compressor's constructor
            PluginRegistry<EmbeddingCompressor> compressors = assertTimeoutPreemptively(NO_DEADLOCK,
                    EmbeddingCompressors::registry);

            assertThat(compressors.problems()).isEmpty();
            Object resolved = ((Supplier<?>) compressors.forName("resolving")).get();
            assertThat(resolved).isSameAs(HashFunctions.forName("base"));
            assertThat(HashFunctions.registry().problems()).isEmpty();
            assertThat(HashFunctions.registry()).isSameAs(HashFunctions.registry());
        }, base, resolving);
    }

    @Test
    void aBuiltInProviderThatLooksUpItsOwnRegistryInItsConstructorIsSkippedWithAClearProblem() throws Exception {
        plugins();
        Path hashes = PluginJars.build(dir.resolve("hashes.jar"),
                Map.of("com.example.Base", PluginJars.hashSource("com.example", "Base", "base", 5),
                        "com.example.Derived", DERIVED_HASH),
                HASH, "com.example.Base", "com.example.Derived");

        withBuiltIns(() -> {
            PluginRegistry<HashFunction> registry = assertTimeoutPreemptively(NO_DEADLOCK, HashFunctions::registry);

            assertThat(registry.available()).contains("base").doesNotContain("derived");
            assertThat(registry.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("built-in");
                assertThat(p.message()).contains("com.example.Derived").contains("IllegalStateException")
                        .contains("hash function registry was looked up while it is being loaded")
                        .contains("look them up when first used").contains("skipped");
            });
            // the failed attempt left nothing behind: the registry is usable and stays the same one
            assertThat(HashFunctions.forName("base").hash(1, 2)).isEqualTo(8L);
            assertThat(HashFunctions.registry()).isSameAs(registry);
        }, hashes);
    }

    /** Runs {@code body} with {@code jars} on the application's class path: a context loader over them. */
    private static void withBuiltIns(ThrowingRunnable body, Path... jars) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        java.net.URL[] urls = new java.net.URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        try (java.net.URLClassLoader builtIns = new java.net.URLClassLoader(urls, before)) {
            thread.setContextClassLoader(builtIns);
            PluginRegistry.resetShared();
            body.run();
        } finally {
            thread.setContextClassLoader(before);
            PluginRegistry.resetShared();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void racingThreadsGetOneRegistryAndEachProviderIsBuiltOnce() throws Exception {
        Path plugins = plugins();
        PluginJars.build(plugins.resolve("counted.jar"), Map.of("com.example.Counted", COUNTED_HASH), HASH,
                "com.example.Counted");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PluginRegistry<HashFunction>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return HashFunctions.registry();
                }));
            }
            start.countDown();
            PluginRegistry<HashFunction> first = results.get(0).get();
            for (var result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(((IntSupplier) first.forName("counted")).getAsInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSharedRegistriesOpenThePluginDirectoryOnce() throws IOException {
        Path plugins = plugins();
        String compressor = RESOLVING_COMPRESSOR.replace("Resolving", "Also").replace("\"resolving\"", "\"also\"")
                .replace("io.bloomfit.host.HashFunctions.forName(\"base\")", "null");
        PluginJars.jar(plugins.resolve("both.jar"))
                .source("com.example.Base", PluginJars.hashSource("com.example", "Base", "base", 5))
                .source("com.example.Also", compressor)
                .service(HASH, "com.example.Base")
                .service(COMPRESSOR, "com.example.Also")
                .write();

        ClassLoader hashLoader = HashFunctions.forName("base").getClass().getClassLoader();

        assertThat(EmbeddingCompressors.forName("also").getClass().getClassLoader()).isSameAs(hashLoader);
        assertThat(hashLoader).isNotSameAs(getClass().getClassLoader());
    }
}
