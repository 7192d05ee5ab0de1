package io.bloomfit.experiment.store;

import io.bloomfit.experiment.spec.SpecException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryLockTest {

    @Test
    void aDirectoryHeldByAnotherProcessIsRefusedNamingItsPid(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Process holder = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(),
                RunDirectoryLockHolder.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the other process claimed the directory").isEqualTo("claimed");

            assertThatThrownBy(() -> RunDirectoryLock.claim(dir))
                    .isInstanceOf(SpecException.class)
                    .hasMessage("--out " + dir + ": another bloomfit run (pid " + holder.pid()
                            + ") is writing to this directory; wait for it or choose another --out");

            holder.getOutputStream().close(); // the other run ends
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
            try (RunDirectoryLock claim = RunDirectoryLock.claim(dir)) {
                assertThat(Files.readString(dir.resolve(RunDirectoryLock.LOCK_FILE)).strip())
                        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondClaimInTheSameProcessIsRefusedUntilTheFirstCloses(@TempDir Path dir) throws Exception {
        DirectoryResultStore store = new DirectoryResultStore(dir);
        try (RunClaim first = store.claim()) {
            assertThatThrownBy(() -> new DirectoryResultStore(dir).claim())
                    .isInstanceOf(SpecException.class)
                    .hasMessageContaining("another bloomfit run (pid " + ProcessHandle.current().pid() + ")");
        }
        try (RunClaim again = store.claim()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aFileOrDeviceIsNotADirectory(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("x"), "not a run");
        assertThatThrownBy(() -> RunDirectoryLock.claim(file)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("--out " + file + ": is a file, not a directory");
        assertThatThrownBy(() -> RunDirectoryLock.claim(file.resolve("sub"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("cannot be created: " + file + " is a file, not a directory");
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertThatThrownBy(() -> RunDirectoryLock.claim(devNull)).isInstanceOf(SpecException.class)
                    .hasMessageStartingWith("--out /dev/null: is not a directory");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Everything this test runs with, class path and module path alike, as one class path. */
    private static String testClassPath() {
        List<String> parts = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                parts.add(value);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
