package io.bloomfit.spark;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.store.DirectoryResultStore;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/** What the tests' Spark applications share: the executors' class path, a SPARK_HOME, a small configuration. */
final class TestClusters {

    private TestClusters() {
    }

    /** This JVM's class path without the test classes: what executors get (so test-only plugins are missing there). */
    static String executorClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The SPARK_HOME the build gives the tests (surefire's environment): workers look for {@code jars/} there and
     * put their work directories beside it.
     */
    static Path sparkHome() throws IOException {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME is not set: run the tests through Maven (surefire sets it)");
        }
        Path path = Path.of(home);
        Files.createDirectories(path.resolve("jars"));
        return path;
    }

    /** A test application on {@code master}: small executors, the executors' class path, the driver on 127.0.0.1. */
    static SparkConf conf(String master, String name) throws IOException {
        sparkHome();
        return new SparkConf().setMaster(master).setAppName(name)
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.executor.memory", "512m")
                .set("spark.executor.extraClassPath", executorClassPath())
                .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                .set("spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** A sweep's exit code and what it printed. */
    record Sweep(int exitCode, String out, String err) {
    }

    /** Runs {@link SparkSweep} over {@code context} with these arguments. */
    static Sweep sweep(SparkContext context, String... args) {
        return sweep(context, null, args);
    }

    /** As {@link #sweep(SparkContext, String...)}, shipping {@code pluginDir} (may be null) with the job. */
    static Sweep sweep(SparkContext context, Path pluginDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SparkSweep.run(args, o, e, (spec, a) -> SparkCluster.over(() -> context, pluginDir));
        }
        return new Sweep(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<ResultRow> rows(Path runDirectory) throws IOException {
        return new DirectoryResultStore(runDirectory).read();
    }

    /** Writes a spec file. */
    static Path spec(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A tiny deterministic sweep: synthetic data, 1 epoch, the cpu trainer on one thread. */
    static String tinySpec(String name, String hashes, int epochs) {
        return """
                name: %s
                dataset: {source: synthetic, users: 150, items: 240, interactions: 4000, seed: 7}
                split: {kind: random, test: 0.2, seed: 42}
                model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: %d, batchSize: 256,
                        learningRate: 0.05, optimizer: sparse-adagrad, seed: 3}
                trainer: {name: cpu, threads: 1}
                grid:
                  compressor: [bloom, hashing-trick]
                  hash: [%s]
                  ratio: [0.3, 0.6]
                  hashes: [2]
                  sides: [both]
                  repeats: 1
                """.formatted(name, epochs, hashes);
    }
}
