package io.bloomfit.hash;

import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The twelve built-in functions are found by name through the api's registry (META-INF/services on the class path). */
class HashFunctionRegistryTest {

    private static final List<String> BUILT_IN = List.of("city64", "farm64", "md5", "metro64", "murmur3_128",
            "murmur3_32", "sha1", "sha256", "wyhash", "xxh3", "xxh32", "xxh64");

    @Test
    void listsAllTwelveBuiltInFunctions() {
        assertThat(HashFunctions.available()).containsAll(BUILT_IN);
        for (String name : BUILT_IN) {
            HashFunction function = HashFunctions.forName(name);
            assertThat(function.name()).isEqualTo(name);
            assertThat(function.outputBits()).isEqualTo(name.equals("murmur3_32") || name.equals("xxh32") ? 32 : 64);
        }
    }

    @Test
    void unknownNameFailsListingEveryAvailableFunction() {
        assertThatThrownBy(() -> HashFunctions.forName("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(e.getMessage()).contains(BUILT_IN));
    }
}
