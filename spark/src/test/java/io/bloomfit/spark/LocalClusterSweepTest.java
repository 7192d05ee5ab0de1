package io.bloomfit.spark;

import io.bloomfit.experiment.ExperimentRun;
import io.bloomfit.experiment.RunOptions;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.Plugins;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentRecord;
import io.bloomfit.store.jdbc.ExperimentStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps on {@code local-cluster[2,1,1024]}: a master and two workers in this JVM, each worker starting one
 * executor JVM of its own, so points really run in other processes (whose class path lacks the test classes).
 */
class LocalClusterSweepTest {

    private static SparkContext context;

    @BeforeAll
    static void startCluster() throws Exception {
        context = new SparkContext(TestClusters.conf("local-cluster[2,1,1024]", "bloomfit local-cluster test"));
    }

    @AfterAll
    static void stopCluster() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void givesExactlyTheRowsOfTheLocalRunner(@TempDir Path dir) throws Exception {
        Path spec = TestClusters.spec(dir, "same", TestClusters.tinySpec("same", "xxh64, murmur3_32", 1));
        Path sparkOut = dir.resolve("spark");
        TestClusters.Sweep sweep = TestClusters.sweep(context, spec.toString(), "--out", sparkOut.toString());
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();

        // The reference: the CLI's path, the shared run entry on this JVM's threads, one point at a time.
        ExperimentSpec read = SpecReader.read(spec, List.of());
        List<ResultRow> local = new ExperimentRun(read, Plugins.shared(), RunOptions.defaults())
                .run(new DirectoryResultStore(dir.resolve("local")), null).rows();

        List<ResultRow> spark = TestClusters.rows(sparkOut);
        // plain + bloom x 2 hashes x 2 ratios + hashing-trick x 2 hashes x 2 ratios, + the popularity and random
        // reference rows
        assertThat(local).hasSize(11);
        assertThat(spark).hasSize(11);
        Map<String, ResultRow> byKey = spark.stream().collect(Collectors.toMap(r -> r.point().key(),
                Function.identity()));
        for (ResultRow expected : local) {
            ResultRow actual = byKey.get(expected.point().key());
            assertThat(actual).as(expected.point().label()).isNotNull();
            assertThat(actual.status()).isEqualTo(expected.status());
            assertThat(actual.metrics()).as(expected.point().label()).isEqualTo(expected.metrics());
            assertThat(actual.mrr()).isEqualTo(expected.mrr());
            assertThat(actual.fit().lossPerEpoch()).isEqualTo(expected.fit().lossPerEpoch());
            assertThat(actual.fit().trainer()).isEqualTo(expected.fit().trainer());
            assertThat(actual.fit().threads()).isEqualTo(expected.fit().threads());
            assertThat(actual.sizes().parameters()).isEqualTo(expected.sizes().parameters());
            assertThat(actual.sizes().bytes()).isEqualTo(expected.sizes().bytes());
            assertThat(actual.sizes().achievedRatio()).isEqualTo(expected.sizes().achievedRatio());
            assertThat(actual.sizes().userLayout()).isEqualTo(expected.sizes().userLayout());
            assertThat(actual.sizes().itemLayout()).isEqualTo(expected.sizes().itemLayout());
        }
        // one progress line per point, naming the executor JVM it ran in
        assertThat(sweep.err().lines().filter(l -> l.matches("\\[\\d+/11] .*MRR .*\\[executor \\d+ on .*")))
                .hasSize(11);
        assertThat(sweep.out()).contains("results: " + sparkOut.resolve("results.jsonl"));

        // Resuming a finished run has nothing left to do.
        TestClusters.Sweep again = TestClusters.sweep(context, spec.toString(), "--out", sparkOut.toString(),
                "--resume");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("grid: 0 points to run, 11 finished earlier (resumed)");
        assertThat(TestClusters.rows(sparkOut)).hasSize(11);
    }

    @Test
    void aFilesSplitSweepIsRecordedInADatabaseStore(@TempDir Path dir) throws Exception {
        // u.data layout (user, item, rating, time): each user's first six items train, the next two test
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int user = 1; user <= 40; user++) {
            for (int j = 0; j < 8; j++) {
                int item = 1 + (7 * user + 3 * j) % 60;
                (j < 6 ? train : test).append(user).append('\t').append(item).append("\t4\t").append(8 * user + j)
                        .append('\n');
            }
        }
        Path trainFile = Files.writeString(dir.resolve("part.base"), train);
        Path testFile = Files.writeString(dir.resolve("part.test"), test);
        Path spec = TestClusters.spec(dir, "files", """
                name: files
                dataset: {source: movielens}
                split: {kind: files, train: '%s', test: '%s'}
                model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, batchSize: 64,
                        learningRate: 0.05, optimizer: sparse-adagrad, seed: 3}
                trainer: {name: cpu, threads: 1}
                grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
                """.formatted(trainFile, testFile));
        String url = "jdbc:h2:file:" + dir.resolve("experiments");

        TestClusters.Sweep sweep = TestClusters.sweep(context, spec.toString(), "--store", url);

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        assertThat(sweep.out()).as("reports are written for run directories only").doesNotContain("results:");
        try (ExperimentDatabase database = ExperimentDatabase.open(url)) {
            ExperimentRecord record = database.list(10, 0).get(0);
            assertThat(database.count()).isEqualTo(1);
            assertThat(record.status()).isEqualTo(ExperimentStatus.FINISHED);
            assertThat(record.origin()).isEqualTo("spark: " + spec);
            assertThat(record.counts()).isEqualTo(new ExperimentRecord.Counts(4, 4, 0));
            assertThat(database.dataDescription(record.id())).contains("40 users");
            assertThat(database.rows(record.id())).extracting(r -> r.point().compressor())
                    .containsExactlyInAnyOrder("plain", "bloom", "popularity", "random");
        }
    }

    @Test
    void aPluginMissingOnTheExecutorsFailsItsPointsClearlyAndTheRestRun(@TempDir Path dir) throws Exception {
        Path spec = TestClusters.spec(dir, "missing", TestClusters.tinySpec("missing",
                "xxh64, " + TestOnlyHash.NAME, 1));
        Path out = dir.resolve("out");
        TestClusters.Sweep sweep = TestClusters.sweep(context, spec.toString(), "--out", out.toString());

        assertThat(sweep.exitCode()).as("a failed point fails the run, as in the CLI").isEqualTo(1);
        List<ResultRow> rows = TestClusters.rows(out);
        assertThat(rows).hasSize(11); // 9 grid points + the popularity and random references
        List<ResultRow> failed = rows.stream().filter(r -> !r.ok()).toList();
        assertThat(failed).hasSize(4).allSatisfy(r -> {
            assertThat(r.point().hash()).isEqualTo(TestOnlyHash.NAME);
            assertThat(r.error()).matches("executor \\d+ on .*: hash function 'spark-test-only' is not installed "
                    + "here \\(installed: .*xxh64.*\\); ship its jar with spark-submit --jars.*");
        });
        assertThat(rows.stream().filter(ResultRow::ok)).hasSize(7);
    }

    @Test
    void theDriversPluginDirectoryIsShippedAndOpenedOnTheExecutors(@TempDir Path dir) throws Exception {
        // the test-only hash function as a drop-in jar: the executors lack it on their class path
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("test-hash.jar")))) {
            String type = TestOnlyHash.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(type));
            try (InputStream in = TestOnlyHash.class.getClassLoader().getResourceAsStream(type)) {
                in.transferTo(jar);
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + HashFunction.class.getName()));
            jar.write((TestOnlyHash.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path spec = TestClusters.spec(dir, "shipped", TestClusters.tinySpec("shipped", TestOnlyHash.NAME, 1));
        Path out = dir.resolve("out");
        TestClusters.Sweep sweep = TestClusters.sweep(context, plugins, spec.toString(), "--out", out.toString());

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        List<ResultRow> rows = TestClusters.rows(out);
        assertThat(rows).hasSize(7).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue()); // 5 + 2 references
        assertThat(rows.stream().filter(r -> TestOnlyHash.NAME.equals(r.point().hash()))).hasSize(4);
    }
}
