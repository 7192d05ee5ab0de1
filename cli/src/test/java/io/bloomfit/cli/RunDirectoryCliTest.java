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

/** What {@code run} and {@code report} say about their run directory (issue 10, items 1, 10 and 14). */
@QuarkusMainTest
class RunDirectoryCliTest {

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
        assertThat(broken.getErrorOutput()).contains("bloomfit: " + results + ":3: not a result row: ")
                .doesNotContain("[Source").doesNotContain("REDACTED");

        Files.writeString(results, whole + "{\"compressor\":\"blo");
        LaunchResult partial = launcher.launch("report", out.toString());
        assertThat(partial.exitCode()).isZero();
        assertThat(partial.getErrorOutput()).contains("bloomfit: warning: " + results + ":3: the last line is cut "
                + "short");

        LaunchResult resumed = launcher.launch("run", BloomfitCommandTest.spec("tiny.yaml"), "--out", out.toString(),
                "--resume");
        assertThat(resumed.exitCode()).as(resumed.getErrorOutput()).isZero();
        assertThat(resumed.getErrorOutput()).contains("bloomfit: " + results + ": its last line was cut short");
        assertThat(Files.readString(results)).isEqualTo(whole);
    }
}
