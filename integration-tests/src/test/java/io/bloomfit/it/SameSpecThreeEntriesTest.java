package io.bloomfit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same specs run through the three entries users have: the packaged CLI ({@code bloomfit run}), the packaged
 * server's worker ({@code POST /api/experiments}) and the Spark driver ({@code SparkSweep} on {@code local[2]}, from
 * {@code spark/target}). Every row must agree in everything but its timings: metrics, losses, sizes and layout
 * statistics. One spec splits part files (which the server and Spark once could not read), one scores a seeded
 * sample of the test users.
 */
class SameSpecThreeEntriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What differs from run to run however the point is run: timings, the heap, when and where it finished. */
    private static final List<String> TIMINGS = List.of("fit_seconds_per_epoch", "fit_seconds", "eval_seconds",
            "layout_seconds", "peak_heap_bytes", "finished_at", "timed_in");
    private static final String COMMON = """
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 2, batchSize: 128,
                    learningRate: 0.05, optimizer: sparse-adagrad, seed: 3}
            trainer: {name: cpu, threads: 1}
            """;

    @TempDir
    Path work;

    @Test
    void theCliTheServerAndSparkGiveTheSameRows() throws Exception {
        Path data = work.resolve("data");
        Path datasets = Files.createDirectories(data.resolve("datasets"));
        Map<String, String> specs = specs(datasets);

        Map<String, List<JsonNode>> cli = new LinkedHashMap<>();
        Map<String, List<JsonNode>> spark = new LinkedHashMap<>();
        for (Map.Entry<String, String> spec : specs.entrySet()) {
            Path file = Files.writeString(work.resolve(spec.getKey() + ".yaml"), spec.getValue());
            cli.put(spec.getKey(), cli(file, work.resolve("cli-" + spec.getKey())));
            spark.put(spec.getKey(), spark(file, work.resolve("spark-" + spec.getKey())));
        }
        Map<String, List<JsonNode>> server = new LinkedHashMap<>();
        try (PackagedServer running = PackagedServer.start(work, PackagedServer.env(data, null))) {
            for (Map.Entry<String, String> spec : specs.entrySet()) {
                String id = running.submit(spec.getValue());
                JsonNode end = running.awaitEnd(id);
                assertThat(end.get("status").asText()).as(spec.getKey() + ": " + end.get("error")).isEqualTo("finished");
                List<JsonNode> rows = new ArrayList<>();
                PackagedServer.json(running.get("/api/experiments/" + id + "/results")).get("rows").forEach(rows::add);
                server.put(spec.getKey(), rows);
            }
        }

        for (String name : specs.keySet()) {
            Map<String, JsonNode> expected = comparable(cli.get(name));
            assertThat(expected).as(name + " (cli)").hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy((key, row) -> assertThat(row.get("status").asText()).as(key).isEqualTo("ok"));
            assertThat(comparable(server.get(name))).as(name + ": server against cli").isEqualTo(expected);
            assertThat(comparable(spark.get(name))).as(name + ": spark against cli").isEqualTo(expected);
        }
    }

    /** Three small specs; the part files of the {@code files} split are written into the server's datasets folder. */
    private static Map<String, String> specs(Path datasets) throws IOException {
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int user = 1; user <= 50; user++) {
            for (int j = 0; j < 10; j++) {
                int item = 1 + (7 * user + 5 * j + j * j) % 70;
                (j < 8 ? train : test).append(user).append('\t').append(item).append("\t4\t").append(10 * user + j)
                        .append('\n');
            }
        }
        Path trainFile = Files.writeString(datasets.resolve("parts.base"), train);
        Path testFile = Files.writeString(datasets.resolve("parts.test"), test);
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("random", """
                name: same-random
                dataset: {source: synthetic, users: 80, items: 120, interactions: 2500, seed: 7}
                split: {kind: random, test: 0.2, seed: 42}
                grid: {compressor: [bloom, hashing-trick, quotient-remainder], hash: [xxh64], ratio: [0.5],
                       hashes: [2]}
                """ + COMMON);
        specs.put("files", """
                name: same-files
                dataset: {source: movielens}
                split: {kind: files, train: '%s', test: '%s'}
                grid: {compressor: [bloom], hash: [xxh64, murmur3_32], ratio: [0.4], hashes: [2]}
                """.formatted(trainFile, testFile) + COMMON);
        specs.put("sampled", """
                name: same-sampled
                dataset: {source: synthetic, users: 90, items: 100, interactions: 2500, seed: 11}
                split: {kind: leave-last-out}
                evaluation: {users: 30, seed: 5}
                grid: {compressor: [bloom], hash: [xxh64], ratio: [0.3, 0.6], hashes: [2], sides: [items]}
                """ + COMMON);
        return specs;
    }

    /** Rows by point, timings left out. */
    private static Map<String, JsonNode> comparable(List<JsonNode> rows) {
        Map<String, JsonNode> byPoint = new TreeMap<>();
        for (JsonNode row : rows) {
            ObjectNode copy = row.deepCopy();
            TIMINGS.forEach(copy::remove);
            String key = String.join("|", row.get("compressor").asText(), row.get("hash").asText(),
                    row.get("ratio").asText(), row.get("hashes").asText(), row.get("sides").asText(),
                    row.get("repeat").asText(), row.get("seed").asText());
            assertThat(byPoint.put(key, copy)).as("one row per point: " + key).isNull();
        }
        return byPoint;
    }

    private List<JsonNode> cli(Path spec, Path out) throws Exception {
        run(List.of(java(), "-Xmx512m", "-jar", PackagedServer.app("cli").toString(), "run", spec.toString(), "--out",
                out.toString(), "-q"), Map.of());
        return rows(out);
    }

    private List<JsonNode> spark(Path spec, Path out) throws Exception {
        Path module = Reactor.findRoot(Path.of("")).resolve("spark");
        Path jar = module.resolve("target/bloomfit-spark.jar");
        Path home = module.resolve("target/spark-home");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(home.resolve("jvm.options"))) {
            throw new IllegalStateException(jar + " or " + home + " is missing: this test runs the packaged Spark "
                    + "runner; build it with ./mvnw -pl spark -am package -DskipTests (./mvnw verify does it before "
                    + "this module)");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
        command.addAll(Arrays.asList(Files.readString(home.resolve("jvm.options")).trim().split("\\s+")));
        command.addAll(List.of("-Dlog4j2.configurationFile=" + module.resolve("conf/log4j2.properties"),
                "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", jar + java.io.File.pathSeparator + home.resolve("jars") + "/*", "io.bloomfit.spark.SparkSweep",
                spec.toString(), "--master", "local[2]", "--out", out.toString()));
        run(command, Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13"));
        return rows(out);
    }

    private void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static List<JsonNode> rows(Path runDirectory) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(runDirectory.resolve("results.jsonl"))) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
