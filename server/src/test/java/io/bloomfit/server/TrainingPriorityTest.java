package io.bloomfit.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Experiment threads run the configured number of nice steps below the process, and threads they start inherit it. The nice values are read
 * with {@code ps} (procps), independently of how {@link TrainingPriority} reads them.
 */
class TrainingPriorityTest {

    /** The nice value {@code ps} shows for thread {@code tid} of this process. */
    private static int psNice(String tid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ps", "-L", "-o", "lwp=,ni=", "-p", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals(tid)) {
                return Integer.parseInt(f[1]);
            }
        }
        throw new AssertionError("ps does not show thread " + tid + ":\n" + out);
    }

    private static boolean linuxWithReniceAndPs() {
        return TrainingPriority.currentThreadId() != null && onPath("renice") && onPath("ps");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theCallingThreadAndTheThreadsItStartsRunThatManyStepsBelowTheServer() throws Exception {
        assumeTrue(linuxWithReniceAndPs(), "needs Linux with renice and ps");
        int base = psNice(TrainingPriority.currentThreadId());
        assumeTrue(base <= 12, "needs a test JVM at nice 12 or less, was " + base);
        AtomicReference<String> lowered = new AtomicReference<>();
        AtomicReference<String> child = new AtomicReference<>();
        AtomicReference<Integer> childNiceSeenByIt = new AtomicReference<>();
        AtomicReference<Integer> ownNice = new AtomicReference<>();
        Object hold = new Object();
        Thread worker = new Thread(() -> {
            new TrainingPriority(7).lowerCurrentThread();
            lowered.set(TrainingPriority.currentThreadId());
            try {
                ownNice.set(psNice(lowered.get()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            Thread started = new Thread(() -> {
                child.set(TrainingPriority.currentThreadId());
                synchronized (hold) {
                    try {
                        hold.wait(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "priority-test-child");
            started.start();
            try {
                while (child.get() == null) {
                    Thread.sleep(5);
                }
                childNiceSeenByIt.set(psNice(child.get()));
                synchronized (hold) {
                    hold.notifyAll();
                }
                started.join();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "priority-test");
        String me = TrainingPriority.currentThreadId();
        int mine = psNice(me);
        worker.start();
        worker.join();

        assertThat(ownNice.get()).as("the lowered thread: 7 above the JVM's " + base).isEqualTo(base + 7);
        assertThat(childNiceSeenByIt.get()).as("a thread started by a lowered thread").isEqualTo(base + 7);
        assertThat(psNice(me)).as("the test's own thread is left alone").isEqualTo(mine);
        assertThat(TrainingPriority.niceOf(me)).as("niceOf agrees with ps").isEqualTo(mine);
    }

    @Test
    void theTargetStopsAtNineteen() throws Exception {
        assumeTrue(linuxWithReniceAndPs(), "needs Linux with renice and ps");
        int base = psNice(TrainingPriority.currentThreadId());
        assertThat(new TrainingPriority(19).target()).isEqualTo(19);
        assertThat(new TrainingPriority(3).target()).isEqualTo(Math.min(19, base + 3));
    }

    @Test
    void zeroLeavesPrioritiesAlone() throws Exception {
        assumeTrue(linuxWithReniceAndPs(), "needs Linux with renice and ps");
        int parent = psNice(TrainingPriority.currentThreadId());
        AtomicReference<Integer> nice = new AtomicReference<>();
        Thread t = new Thread(() -> {
            new TrainingPriority(0).lowerCurrentThread();
            try {
                nice.set(psNice(TrainingPriority.currentThreadId()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        t.join();
        assertThat(nice.get()).as("as inherited from the starting thread").isEqualTo(parent);
    }

    @Test
    void aValueOutsideZeroToNineteenIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TrainingPriority(20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bloomfit.server.training-nice").hasMessageContaining("was 20");
        assertThatThrownBy(() -> new TrainingPriority(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 (leave priorities alone) to 19");
    }
}
