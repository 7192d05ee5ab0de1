package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** {@code bloomfit layout} checks its options with the rules a spec's grid uses, naming the options. */
@QuarkusMainTest
class LayoutCommandTest {

    @Test
    @Launch(value = {"layout", "-c", "bloom", "-f", "xxh64", "-n", "1000", "-k", "65"}, exitCode = ExitCodes.USAGE)
    void moreLookupsThanAGridAcceptsAreRefused(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--hashes must be a number of hash functions in 1..64, was 65");
    }

    @Test
    @Launch(value = {"layout", "-c", "bloom", "-f", "xxh64", "-n", "1000", "-r", "5"}, exitCode = ExitCodes.USAGE)
    void aRatioAboveOneIsRefused(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--ratio must be in (0, 1]").contains("was 5.0");
    }

    @Test
    @Launch(value = {"layout", "-c", "bloom", "-n", "1000", "-r", "0.5", "-k", "2"}, exitCode = ExitCodes.USAGE)
    void aMissingHashNamesTheRealOption(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("-f/--hash").doesNotContain("hashFunction");
    }

    @Test
    @Launch(value = {"layout", "-c", "bloom", "-n", "0", "-r", "7", "-k", "0"}, exitCode = ExitCodes.USAGE)
    void everyBadOptionIsReportedAtOnce(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--entities must be >= 1, was 0").contains("--ratio")
                .contains("--hashes").contains("-f/--hash");
    }
}
