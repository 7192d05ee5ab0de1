package io.bloomfit.spark;

import io.bloomfit.experiment.grid.ResultRow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standalone Spark cluster started from the Maven jars on 127.0.0.1 (a Master and two Workers, each a JVM of its
 * own, each Worker starting one executor JVM for the sweep): one Worker is killed while a task runs on its
 * executor, Spark reruns the lost task on the other executor, and every point is stored exactly once.
 */
class StandaloneClusterTest {

    private static final long START_TIMEOUT_SECONDS = 240;

    private final List<Process> processes = new ArrayList<>();
    private final List<ProcessHandle> executors = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (Process p : processes) {
            p.descendants().forEach(executors::add);
        }
        executors.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aWorkerKilledDuringATaskLosesNoPointAndStoresNoneTwice(@TempDir Path dir) throws Exception {
        int port = freePort();
        String masterUrl = "spark://127.0.0.1:" + port;
        processes.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
        awaitPort(port);
        Path[] workDirs = {dir.resolve("worker-0"), dir.resolve("worker-1")};
        Process[] workers = new Process[2];
        for (int w = 0; w < 2; w++) {
            workers[w] = start(dir.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", "1",
                    "--memory", "1g", "--work-dir", workDirs[w].toString(), masterUrl);
            processes.add(workers[w]);
        }

        SparkContext context = new SparkContext(TestClusters.conf(masterUrl, "bloomfit standalone test")
                .set("spark.task.maxFailures", "4"));
        try {
            awaitExecutors(context, 2);
            KillOnFirstTask killer = new KillOnFirstTask(context.applicationId(), workDirs, workers);
            context.addSparkListener(killer);

            Path spec = TestClusters.spec(dir, "standalone", TestClusters.tinySpec("standalone", "xxh64", 2));
            Path out = dir.resolve("out");
            TestClusters.Sweep sweep = TestClusters.sweep(context, spec.toString(), "--out", out.toString());

            assertThat(killer.killed).as("a worker was killed while its executor ran a task").isTrue();
            assertThat(killer.failedTasks.get()).as("the lost executor's task failed and was retried")
                    .isPositive();
            assertThat(sweep.exitCode()).as(sweep.err()).isZero();
            List<ResultRow> rows = TestClusters.rows(out);
            Map<String, Long> timesStored = rows.stream().collect(Collectors.groupingBy(r -> r.point().key(),
                    Collectors.counting()));
            // plain + bloom x 2 ratios + hashing-trick x 2 ratios + the popularity and random references, each
            // stored once, all ok
            assertThat(timesStored).hasSize(7).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
            assertThat(rows).allSatisfy(r -> assertThat(r.ok()).as(r.point().label() + ": " + r.error()).isTrue());
        } finally {
            context.stop();
        }
    }

    /** Kills the Worker whose executor starts the sweep's first task, and counts tasks that end in failure. */
    private final class KillOnFirstTask extends SparkListener {

        private final String applicationId;
        private final Path[] workDirs;
        private final Process[] workers;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger failedTasks = new AtomicInteger();
        private final AtomicBoolean killing = new AtomicBoolean();
        volatile boolean killed;

        KillOnFirstTask(String applicationId, Path[] workDirs, Process[] workers) {
            this.applicationId = applicationId;
            this.workDirs = workDirs;
            this.workers = workers;
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            String executor = start.taskInfo().executorId();
            if (!seen.add(executor) || !killing.compareAndSet(false, true)) {
                return;
            }
            for (int w = 0; w < workDirs.length; w++) {
                // a Worker runs each executor in <work-dir>/<application>/<executor id>
                if (Files.isDirectory(workDirs[w].resolve(applicationId).resolve(executor))) {
                    Process worker = workers[w];
                    worker.descendants().forEach(executors::add); // cleaned up after the test
                    worker.destroyForcibly(); // the executor's WorkerWatcher then ends the executor
                    killed = true;
                    return;
                }
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (!end.taskInfo().successful()) {
                failedTasks.incrementAndGet();
            }
        }
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // the --add-opens Spark needs, as this JVM got them from surefire's argLine
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .forEach(command::add);
        command.add("-Dlog4j2.configurationFile=" + Path.of("test-classes", "log4j2.properties").toAbsolutePath());
        command.add("-cp");
        command.add(TestClusters.executorClassPath());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", TestClusters.sparkHome().toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark Master did not open port " + port + " in " + START_TIMEOUT_SECONDS + " s");
    }

    /** Waits until {@code count} executors (besides the driver) registered. */
    private static void awaitExecutors(SparkContext context, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (context.statusTracker().getExecutorInfos().length >= count + 1) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(count + " executors did not register in " + START_TIMEOUT_SECONDS + " s");
    }
}
