package io.bloomfit.server;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server's experiment work at a lower OS scheduling priority than its HTTP threads, so that a training
 * that keeps every core busy does not make the API wait for a core: {@code bloomfit.server.training-nice} (default
 * 0: priorities left alone) steps of nice value above the server's own (with 10, a server started at nice 0 trains
 * at 10; one started with {@code nice -n 5} at 15; never beyond 19).
 *
 * <p>Caveat, measured: when other processes load the machine, lowered threads wait for them, and a stop-the-world
 * pause (GC) must wait until every Java thread reaches a safepoint, lowered ones included, so the HTTP threads
 * can end up waiting for a lowered thread. Hence the default 0. Priorities only matter when threads compete for a core: on an otherwise idle
 * machine a training runs as fast as before, and it uses the same threads (rows record them as before).
 *
 * <p>What it does, on Linux: sets the nice value of the calling thread (the experiments thread) and of the common
 * fork-join pool's workers (where the {@code cpu} trainer's row work and parallel data generation run) with {@code
 * renice}. Threads those threads start later (evaluation threads, new pool workers) inherit the value from them;
 * {@link #lowerPoolWorkers()} catches workers another thread started. Java's own thread priorities cannot do this:
 * the JVM ignores them on Linux unless started with {@code -XX:ThreadPriorityPolicy=1}. An unprivileged process may
 * raise nice values but not lower them again, so lowered threads stay lowered. Where any of this is unavailable
 * (another OS, no {@code renice}), it says so once in the log and changes nothing.
 */
final class TrainingPriority {

    private static final Logger LOG = Logger.getLogger(TrainingPriority.class);
    private static final String POOL_WORKER = "ForkJoinPool.commonPool-worker-";
    private static final Path TASKS = Path.of("/proc/self/task");

    private final int nice;
    private final int target;
    private volatile boolean unavailable;

    /**
     * @param nice the nice value for experiment threads, 0 (off) to 19
     * @throws IllegalArgumentException when {@code nice} is outside 0..19, naming the setting
     */
    TrainingPriority(int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("bloomfit.server.training-nice must be 0 (leave priorities alone) to "
                    + "19 (lowest), was " + nice);
        }
        this.nice = nice;
        String self = currentThreadId();
        int own = self == null ? -100 : niceOf(self);
        this.target = Math.min(19, (own == -100 ? 0 : own) + nice);
    }

    /** The nice value experiment threads get. */
    int target() {
        return target;
    }

    /** Lowers the calling thread and the common pool's current workers. Never throws. */
    void lowerCurrentThread() {
        if (nice == 0 || unavailable) {
            return;
        }
        String self = currentThreadId();
        if (self == null) {
            disable("this is not Linux (no /proc/thread-self)");
            return;
        }
        List<String> ids = new ArrayList<>(poolWorkerIds());
        ids.add(self);
        renice(ids);
    }

    /** Lowers the common pool's workers (those started since the last call by a thread of normal priority). */
    void lowerPoolWorkers() {
        if (nice == 0 || unavailable) {
            return;
        }
        List<String> ids = poolWorkerIds();
        if (!ids.isEmpty()) {
            renice(ids);
        }
    }

    /** The Linux thread id of the calling thread, or {@code null} where there is none to read. */
    static String currentThreadId() {
        try {
            return Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Thread ids of this process's common fork-join pool workers (by thread name). */
    static List<String> poolWorkerIds() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(TASKS)) {
            return ids;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    // the kernel keeps the first 15 bytes of a thread's name
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                    if (name.equals(POOL_WORKER.substring(0, 15)) || name.startsWith(POOL_WORKER)) {
                        ids.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ids;
        }
        return ids;
    }

    /** The nice value of this process's thread {@code id}, read from {@code /proc} (-100 where unreadable). */
    static int niceOf(String id) {
        try {
            String stat = Files.readString(TASKS.resolve(id).resolve("stat"), StandardCharsets.US_ASCII);
            // fields after the command name (in parentheses, may hold spaces): state is field 3, nice field 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (IOException | RuntimeException e) {
            return -100;
        }
    }

    private void renice(List<String> all) {
        List<String> ids = all.stream().filter(id -> niceOf(id) < target).toList(); // lowered already: left alone
        if (ids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(target), "-p"));
        command.addAll(ids);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                disable("renice did not answer within 10 s");
            } else if (p.exitValue() != 0 && ids.stream().allMatch(id -> niceOf(id) != target)) {
                disable("renice failed: " + out);
            }
        } catch (IOException e) {
            disable("renice could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disable(String why) {
        if (!unavailable) {
            unavailable = true;
            LOG.infof("experiments run at the server's priority (bloomfit.server.training-nice=%d not applied: %s)",
                    nice, why);
        }
    }
}
