package io.bloomfit.api.plugin;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingCompressors;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.hash.HashFunctions;
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
              private final HashFunction hash = io.bloomfit.api.hash.HashFunctions.forName("base");
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
              private final io.bloomfit.api.hash.HashFunction base = io.bloomfit.api.hash.HashFunctions.forName("base");
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

    @Test
    void aProviderMayLookUpAnotherKindOfPluginInItsConstructor() throws Exception {
        Path plugins = plugins();
        PluginJars.build(plugins.resolve("base.jar"),
                Map.of("com.example.Base", PluginJars.hashSource("com.example", "Base", "base", 5)), HASH,
                "com.example.Base");
        PluginJars.build(plugins.resolve("resolving.jar"), Map.of("com.example.Resolving", RESOLVING_COMPRESSOR),
                COMPRESSOR, "com.example.Resolving");

        // the compressors load first, so the hash registry loads from inside a compressor's constructor
        PluginRegistry<EmbeddingCompressor> compressors = assertTimeoutPreemptively(NO_DEADLOCK,
                EmbeddingCompressors::registry);

        assertThat(compressors.problems()).isEmpty();
        Object resolved = ((Supplier<?>) compressors.forName("resolving")).get();
        assertThat(resolved).isSameAs(HashFunctions.forName("base"));
        assertThat(HashFunctions.registry().problems()).isEmpty();
        assertThat(HashFunctions.registry()).isSameAs(HashFunctions.registry());
    }

    @Test
    void aProviderThatLooksUpItsOwnRegistryInItsConstructorIsSkippedWithAClearProblem() throws Exception {
        Path plugins = plugins();
        PluginJars.build(plugins.resolve("hashes.jar"),
                Map.of("com.example.Base", PluginJars.hashSource("com.example", "Base", "base", 5),
                        "com.example.Derived", DERIVED_HASH),
                HASH, "com.example.Base", "com.example.Derived");

        PluginRegistry<HashFunction> hashes = assertTimeoutPreemptively(NO_DEADLOCK, HashFunctions::registry);

        assertThat(hashes.available()).containsExactly("base");
        assertThat(hashes.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).endsWith("hashes.jar");
            assertThat(p.message()).contains("com.example.Derived").contains("IllegalStateException")
                    .contains("hash function registry was looked up while it is being loaded")
                    .contains("look them up when first used").contains("skipped");
        });
        // the failed attempt left nothing behind: the registry is usable and stays the same one
        assertThat(HashFunctions.forName("base").hash(1, 2)).isEqualTo(8L);
        assertThat(HashFunctions.registry()).isSameAs(hashes);
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
        String compressor = RESOLVING_COMPRESSOR.replace("Resolving", "Also").replace("\"resolving\"", "\"also\"");
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
