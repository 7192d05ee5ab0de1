package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.experiment.store.RunClaim;
import io.bloomfit.experiment.store.RunDirectoryLock;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI tells a user who gets something wrong or needs to know something: a run directory held
 * by another run, an {@code --out} that is a file, a broken results file, a dataset file's format, a layout that
 * does not fit in memory.
 */
@QuarkusMainTest
class CliFeedbackTest {

    @Test
    void aRunDirectoryHeldByAnotherRunIsRefused(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        try (RunClaim other = RunDirectoryLock.claim(out)) {
            LaunchResult run = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", out.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.getErrorOutput()).contains("bloomfit: --out " + out + ": another bloomfit run (pid "
                    + ProcessHandle.current().pid() + ") is writing to this directory; wait for it or choose "
                    + "another --out");
            assertThat(out.resolve("results.jsonl")).doesNotExist();
        }
    }

    @Test
    void anOutThatIsAFileSaysSo(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "");
        LaunchResult run = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.getErrorOutput()).contains("bloomfit: --out " + file + ": is a file, not a directory");

        LaunchResult devNull = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", "/dev/null");
        assertThat(devNull.exitCode()).isEqualTo(2);
        assertThat(devNull.getErrorOutput()).contains("bloomfit: --out /dev/null: is not a directory");
    }

    @Test
    void reportOnABrokenResultsFileNamesFileAndLine(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("run");
        LaunchResult run = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", out.toString());
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        Path results = out.resolve("results.jsonl");
        String whole = Files.readString(results);

        Files.writeString(results, "{\"compressor\": oops\n", StandardOpenOption.APPEND);
        LaunchResult broken = launcher.launch("report", out.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        // line 5: two grid points and the popularity and random reference rows come first
        assertThat(broken.getErrorOutput()).contains("bloomfit: " + results + ":5: not a result row: ")
                .doesNotContain("[Source").doesNotContain("REDACTED");

        Files.writeString(results, whole + "{\"compressor\":\"blo");
        LaunchResult partial = launcher.launch("report", out.toString());
        assertThat(partial.exitCode()).isZero();
        assertThat(partial.getErrorOutput()).contains("bloomfit: warning: " + results + ":5: the last line is cut "
                + "short");

        LaunchResult resumed = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", out.toString(),
                "--resume");
        assertThat(resumed.exitCode()).as(resumed.getErrorOutput()).isZero();
        assertThat(resumed.getErrorOutput()).contains("bloomfit: " + results + ": its last line was cut short");
        assertThat(Files.readString(results)).isEqualTo(whole);
    }

    @Test
    void datasetsInfoDetectsAMovieLensFileByItsContentAndSaysSo(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        // MovieLens 100K layout (user, item, rating, timestamp; tab-separated) under a name that says nothing
        Path file = Files.writeString(dir.resolve("probe.tsv"), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n"
                + "22\t377\t1\t878887116\n");
        LaunchResult info = launcher.launch("datasets", "info", file.toString());
        assertThat(info.exitCode()).as(info.getErrorOutput()).isZero();
        assertThat(info.getOutput()).contains("name: probe.tsv",
                "format: movielens u.data layout (detected from the content", "interactions: 3");

        LaunchResult asCsv = launcher.launch("datasets", "info", "--format", "csv", file.toString());
        assertThat(asCsv.exitCode()).isEqualTo(2);
        assertThat(asCsv.getErrorOutput()).contains("expected a header column named 'userId'");

        LaunchResult unknown = launcher.launch("datasets", "info", "--format", "parquet", file.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("--format: unknown format 'parquet'; expected one of auto, "
                + "movielens, csv");
    }

    @Test
    void aLayoutTooBigForTheHeapIsRefusedCleanly(QuarkusMainLauncher launcher) {
        // verbatim from the issue: it died with OutOfMemoryError and a stack trace
        LaunchResult result = launcher.launch("layout", "-c", "bloom", "-f", "xxh64", "-n", "2000000000", "-r", "0.2",
                "-k", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("bloomfit: a bloom layout of 2,000,000,000 entities (k 1, "
                + "ratio 0.2) needs about ", "(row indices 7.5 GB, collision statistics",
                "give the JVM more with JAVA_OPTS=-Xmx").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }
}
