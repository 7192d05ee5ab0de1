package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bloomfit run SPEC --dry-run}: the plan, sized on the data, with nothing trained or written. */
@QuarkusMainTest
class DryRunCommandTest {

    /** A files split of 4 users (1-4) and 6 items (10-15) in the u.data layout. */
    static String filesSpec(Path dir) throws Exception {
        Path train = Files.writeString(dir.resolve("part.base"), "1\t10\t5\t1\n1\t11\t4\t2\n2\t12\t3\t3\n2\t13\t4\t4\n"
                + "3\t14\t5\t5\n3\t15\t2\t6\n4\t10\t4\t7\n4\t12\t5\t8\n");
        Path test = Files.writeString(dir.resolve("part.test"), "1\t12\t4\t9\n2\t10\t5\t10\n3\t11\t3\t11\n4\t15\t4\t12\n");
        return """
                name: planned
                dataset: {source: movielens}
                split: {kind: files, train: '%s', test: '%s'}
                model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, optimizer: sparse-adam}
                trainer: {name: cpu}
                grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
                """.formatted(train, test);
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.trim().split(" +"));
    }

    @Test
    void printsEveryPointWithItsSizesAndTheTotalsAndWritesNothing(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path spec = Files.writeString(dir.resolve("planned.yaml"), filesSpec(dir));
        Path out = dir.resolve("run");

        LaunchResult result = launcher.launch("run", spec.toString(), "--dry-run", "--out", out.toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<String> lines = result.getOutput().lines().toList();
        assertThat(lines.get(0)).isEqualTo("plan: planned (" + spec + ")");
        assertThat(lines.get(1)).startsWith("data: ").contains("4 users, 6 items")
                .contains("to size the layouts; nothing was trained or written)");
        assertThat(cells(lines.get(2))).containsExactly("#", "compressor", "hash", "ratio", "k", "sides", "repeat",
                "parameters", "bytes", "memory");
        // dimension 8. plain: 10 rows x 8 floats and one int index per entity (10 x 4 bytes);
        // bloom r=0.5 k=2 on both sides: ceil(0.5 x 4) + ceil(0.5 x 6) = 5 rows x 8 floats, two indices per entity
        assertThat(cells(lines.get(3)).subList(0, 9)).containsExactly("1", "plain", "-", "1.0", "1", "none", "0",
                "80", "360");
        assertThat(cells(lines.get(4)).subList(0, 9)).containsExactly("2", "bloom", "xxh64", "0.5", "2", "both", "0",
                "40", "240");
        assertThat(cells(lines.get(5)).subList(0, 9)).containsExactly("3", "popularity", "-", "-", "-", "none", "0",
                "-", "-");
        assertThat(cells(lines.get(6)).get(1)).isEqualTo("random");
        assertThat(lines.get(3)).matches(".* \\d+\\.\\d (kB|MB|GB)$");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("total: 4 points (2 trained, 2 reference "
                + "rankers); 120 parameters in all; the largest point (plain baseline #0) needs about ")
                .contains(" is available"));
        assertThat(out).doesNotExist();
        assertThat(result.getErrorOutput()).doesNotContain("epoch");
    }

    @Test
    void anInvalidSpecIsRefusedWithEveryProblemAsARunWouldBe(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--dry-run",
                "--set", "model.epochs=0", "--set", "grid.sides=[all]");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("model.epochs: must be in 1..1000000; was 0",
                "grid.sides[0]: unknown value 'all'; expected one of both | users | items");
        assertThat(result.getOutput()).doesNotContain("plan:");
    }

    @Test
    void theParallelismMultipliesThePeak(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("planned.yaml"), filesSpec(dir));

        LaunchResult result = launcher.launch("run", spec.toString(), "--dry-run", "--parallel", "3");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).containsPattern("needs about [0-9.]+ [kMG]B of Java heap, times --parallel 3: ");
    }
}
