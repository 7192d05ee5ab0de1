package io.bloomfit.api.plugin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The name rule {@code [a-z0-9][a-z0-9_-]{0,63}}, on names judged by hand against it. */
class PluginNameTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // every built-in name of hash-plugins, embedding-plugins and the trainers
            "city64", "farm64", "md5", "metro64", "murmur3_128", "murmur3_32", "sha1", "sha256", "wyhash", "xxh3",
            "xxh32", "xxh64", "plain", "bloom", "bloom-sum", "hashing-trick", "hashing-trick-signed",
            "quotient-remainder", "djl", "cpu", "hogwild",
            // the edges: one character, a leading digit, 64 characters
            "a", "0", "9lives", "a_b-c",
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01"})
    void accepts(String name) {
        assertThat(PluginName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Xxh3", "MD5", "bloom sum", "bloom.sum", "-bloom", "_bloom", "bloom/sum", "bloom\n", " bloom", "blöom",
            "bloom,sum", "bloom:sum",
            // 65 characters: one over the limit
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012"})
    void rejects(String name) {
        assertThat(PluginName.isValid(name)).isFalse();
    }
}
