package io.bloomfit.it;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import io.bloomfit.host.PluginJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user drops a jar with their own hash function and compressor into the plugins directory: both appear next
 * to the built-ins, the built-in compressors can use the dropped-in hash, and a clash with a built-in name
 * keeps the built-in.
 */
class DropInPluginTest {

    /** FNV-1a over the 8 little-endian bytes of the key, seed xor-ed into the offset basis. */
    static final String FNV_SOURCE = """
            package org.example.fnv;
            public final class Fnv1a implements io.bloomfit.api.hash.HashFunction {
              public String name() { return "fnv1a"; }
              public long hash(long key, long seed) {
                long h = 0xcbf29ce484222325L ^ seed;
                for (int i = 0; i < 8; i++) {
                  h ^= (key >>> (8 * i)) & 0xff;
                  h *= 0x100000001b3L;
                }
                return h;
              }
            }
            """;

    /** A compressor that maps entity e to row e mod m: a user's own (poor) idea, to be compared. */
    static final String MODULO_SOURCE = """
            package org.example.fnv;
            import io.bloomfit.api.embed.*;
            public final class ModuloCompressor implements EmbeddingCompressor {
              public String name() { return "modulo"; }
              public EmbeddingLayout layout(LayoutRequest request, io.bloomfit.api.hash.HashFunction hash) {
                int n = request.numEntities();
                int m = (int) Math.max(1, Math.ceil(request.ratio() * n));
                int[] rows = new int[n];
                for (int e = 0; e < n; e++) rows[e] = e % m;
                return EmbeddingLayout.of(name(), request, new int[] {m}, new int[] {0}, rows, null, Combiner.MEAN);
              }
            }
            """;

    /** Claims a built-in name; must lose to the built-in. */
    private static final String IMPOSTOR_SOURCE = """
            package org.example.fnv;
            public final class Impostor implements io.bloomfit.api.hash.HashFunction {
              public String name() { return "xxh3"; }
              public long hash(long key, long seed) { return 0; }
            }
            """;

    /**
     * A compressor that buckets entities with the hash function it is handed (the built-in xxh3 the request names):
     * a plugin never looks hash functions up itself, and cannot, since it sees only the contract.
     */
    private static final String XXH3_BUCKETS_SOURCE = """
            package org.example.buckets;
            import io.bloomfit.api.embed.*;
            import io.bloomfit.api.hash.HashFunction;
            public final class Xxh3Buckets implements EmbeddingCompressor {
              public String name() { return "xxh3-buckets"; }
              public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
                HashFunction xxh3 = request.requireHash(hash, name());
                int n = request.numEntities();
                int m = (int) Math.max(1, Math.ceil(request.ratio() * n));
                int[] rows = new int[n];
                for (int e = 0; e < n; e++) rows[e] = (int) Long.remainderUnsigned(xxh3.hash(e, request.seed()), m);
                return EmbeddingLayout.of(name(), request, new int[] {m}, new int[] {0}, rows, null, Combiner.MEAN);
              }
            }
            """;

    @TempDir
    Path dir;

    @AfterEach
    void forgetPlugins() {
        PluginJars.forgetSharedPlugins();
    }

    @Test
    void droppedInPluginsWorkBesideTheBuiltIns() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJars.build(plugins.resolve("fnv-plugin.jar"),
                Map.of("org.example.fnv.Fnv1a", FNV_SOURCE, "org.example.fnv.Impostor", IMPOSTOR_SOURCE),
                HashFunction.class.getName(), "org.example.fnv.Fnv1a", "org.example.fnv.Impostor");
        PluginJars.build(plugins.resolve("modulo-plugin.jar"),
                Map.of("org.example.fnv.ModuloCompressor", MODULO_SOURCE),
                EmbeddingCompressor.class.getName(), "org.example.fnv.ModuloCompressor");
        PluginJars.useSharedPlugins(plugins);

        assertThat(HashFunctions.available()).contains("fnv1a", "xxh3", "murmur3_32");
        assertThat(HashFunctions.registry().sourceOf("fnv1a").jar()).isEqualTo(jar);
        // FNV-1a 64 of eight 0x00 octets with the standard offset basis (seed 0): 0xa8c7f832281a39c5,
        // computed independently with a three-line Python loop over bytes(8).
        assertThat(HashFunctions.forName("fnv1a").hash(0L, 0L)).isEqualTo(0xa8c7f832281a39c5L);

        assertThat(HashFunctions.registry().sourceOf("xxh3").builtIn()).isTrue();
        assertThat(HashFunctions.forName("xxh3").getClass().getName()).isEqualTo("io.bloomfit.hash.Xxh3");
        assertThat(HashFunctions.registry().problems())
                .anySatisfy(p -> assertThat(p.message()).contains("'xxh3'").contains("keeping the one from built-in"));

        EmbeddingLayout modulo = EmbeddingCompressors.layout("modulo", new LayoutRequest(10, 4, 0.3, 1, null, 0));
        assertThat(modulo.totalRows()).isEqualTo(3);
        assertThat(modulo.row(7, 0)).isEqualTo(1);
        assertThat(EmbeddingCompressors.registry().sourceOf("modulo").builtIn()).isFalse();

        EmbeddingLayout bloomWithDroppedInHash = EmbeddingCompressors.layout("bloom", new LayoutRequest(1000, 8, 0.5, 2, "fnv1a", 42));
        assertThat(bloomWithDroppedInHash.totalRows()).isEqualTo(500);
        assertThat(bloomWithDroppedInHash.numLookups()).isEqualTo(2);
    }

    @Test
    void aDirectoryPluginCompressorUsesTheBuiltInHashItIsHanded() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.createDirectories(plugins.resolve("buckets"));
        PluginJars.build(plugin.resolve("buckets.jar"), Map.of("org.example.buckets.Xxh3Buckets", XXH3_BUCKETS_SOURCE),
                EmbeddingCompressor.class.getName(), "org.example.buckets.Xxh3Buckets");
        PluginJars.useSharedPlugins(plugins);

        EmbeddingLayout layout = EmbeddingCompressors.layout("xxh3-buckets", new LayoutRequest(50, 4, 0.2, 1, "xxh3", 9));

        assertThat(EmbeddingCompressors.registry().problems()).isEmpty();
        assertThat(EmbeddingCompressors.registry().sourceOf("xxh3-buckets").jar()).isEqualTo(plugin);
        assertThat(layout.totalRows()).isEqualTo(10);
        HashFunction xxh3 = HashFunctions.forName("xxh3");
        for (int e = 0; e < 50; e++) {
            assertThat(layout.row(e, 0)).isEqualTo((int) Long.remainderUnsigned(xxh3.hash(e, 9), 10));
        }
    }
}
