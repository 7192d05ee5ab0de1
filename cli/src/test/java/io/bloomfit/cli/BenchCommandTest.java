package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** {@code bloomfit bench train} with the {@code --trainer} option. */
@QuarkusMainTest
class BenchCommandTest {

    @Test
    @Launch({"bench", "train", "--trainer", "cpu", "--optimizer", "sparse-adam", "--compressor", "bloom",
        "--hash", "murmur3_32", "--ratio", "0.5", "--hashes", "2"})
    void trainTimesTheCpuTrainer(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .containsPattern("(?m)^plain: seconds/epoch [0-9.]+ \\(cpu, [0-9]+ threads, sparse-adam\\)$")
                .containsPattern("(?m)^bloom murmur3_32 r=0.5 k=2: seconds/epoch [0-9.]+ \\(cpu, [0-9]+ threads, "
                        + "sparse-adam\\)$")
                // 80,000 training interactions in batches of 1024
                .containsPattern("(?m)^  trainer cpu: process CPU s/epoch [0-9.]+ over 79 steps$");
    }

    @Test
    @Launch(value = {"bench", "train", "--trainer", "hogwild"}, exitCode = ExitCodes.USAGE)
    void aDenseOptimizerOnTheHogwildTrainerIsAUsageErrorNamingTheFix(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--trainer hogwild --optimizer adam")
                .contains("does not implement 'adam'").contains("sparse-adagrad, sgd");
    }

    @Test
    @Launch({"bench", "train", "--trainer", "hogwild,cpu", "--optimizer", "sgd", "--threads", "1,2",
        "--compressor", "bloom", "--hash", "murmur3_32", "--ratio", "0.5", "--hashes", "2"})
    void trainRunsSeveralTrainersAndThreadCountsSideBySide(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .containsPattern("(?m)^row probe: random read-modify-write of 32-float rows in a table of 2,625 rows "
                        + "\\(0.3 MB\\): [0-9.]+ M rows/s on 1 thread$")
                .containsPattern("(?m)^plain: seconds/epoch [0-9.]+ \\(cpu, 2 threads, sgd\\)$")
                .containsPattern("(?m)^  trainer hogwild: process CPU s/epoch [0-9.]+ over 79 steps$")
                .containsPattern("(?m)^  trainer cpu: process CPU s/epoch [0-9.]+ over 79 steps$")
                .containsPattern("(?m)^  samples/s [0-9,]+: [0-9]+% of the row probe's limit");
        // two trainers x two thread counts x (plain, bloom)
        assertThat(result.getOutput().lines().filter(l -> l.contains("seconds/epoch"))).hasSize(8);
    }

    @Test
    @Launch(value = {"bench", "train", "--trainer", "hogwild", "--optimizer", "sgd", "--threads", "1,two"},
            exitCode = ExitCodes.USAGE)
    void aThreadListThatIsNotCountsIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--threads 1,two").contains("--threads 1,2");
    }

    @Test
    @Launch(value = {"bench", "hashes", "--count", "0"}, exitCode = ExitCodes.USAGE)
    void aKeyCountBelowOneIsAUsageErrorNotANonsenseTiming(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--count 0").contains("at least 1");
        assertThat(result.getOutput()).doesNotContain("ns/hash");
    }
}
