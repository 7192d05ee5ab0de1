package io.bloomfit.embed;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in compressor is found by its name through the class-path service file. */
class CompressorRegistryTest {

    private static final String[] NAMES = {"plain", "bloom", "bloom-sum", "hashing-trick", "hashing-trick-signed",
            "quotient-remainder", "bloom-cooccurrence", "hash-embedding", "robe", "dhe", "bloom-hybrid"};

    @Test
    void everyBuiltInIsRegisteredUnderItsName() {
        assertThat(EmbeddingCompressors.available()).contains(NAMES);
        for (String name : NAMES) {
            assertThat(EmbeddingCompressors.forName(name).name()).isEqualTo(name);
        }
    }

    @Test
    void serviceFileListsEveryProviderOnce() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/io.bloomfit.api.embed.EmbeddingCompressor")) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(file.lines().filter(l -> !l.isBlank())).hasSize(NAMES.length).doesNotHaveDuplicates();
        }
        assertThat(ServiceLoader.load(EmbeddingCompressor.class).stream()
                .filter(p -> p.type().getPackageName().equals("io.bloomfit.embed"))).hasSize(NAMES.length);
    }
}
