package io.bloomfit.it;

import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.HashFunctions;
import io.bloomfit.api.plugin.PluginName;
import io.bloomfit.host.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in provider of hash-plugins and embedding-plugins passes the name rule: a built-in that broke it
 * would be skipped with a problem and vanish from the registry. (The trainer names {@code djl}, {@code cpu} and
 * {@code hogwild} are checked as literals in api's {@code PluginNameTest}; this module does not load engines.)
 */
class BuiltInPluginNamesTest {

    @BeforeEach
    void freshSharedRegistries() {
        PluginRegistry.resetShared();
    }

    @Test
    void everyBuiltInHashFunctionIsRegisteredUnderAValidName() {
        assertThat(HashFunctions.registry().problems()).isEmpty();
        assertThat(HashFunctions.available()).containsExactly("city64", "farm64", "md5", "metro64", "murmur3_128",
                "murmur3_32", "sha1", "sha256", "wyhash", "xxh3", "xxh32", "xxh64");
        assertThat(HashFunctions.available()).allMatch(PluginName::isValid);
    }

    @Test
    void everyBuiltInCompressorIsRegisteredUnderAValidName() {
        assertThat(EmbeddingCompressors.registry().problems()).isEmpty();
        assertThat(EmbeddingCompressors.available()).containsExactly("bloom", "bloom-cooccurrence", "bloom-hybrid", "bloom-sum", "dhe",
                "hash-embedding", "hashing-trick", "hashing-trick-signed", "plain", "quotient-remainder", "robe");
        assertThat(EmbeddingCompressors.available()).allMatch(PluginName::isValid);
    }
}
