package io.bloomfit.spark;

import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.spec.SpecReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver's checks before Spark starts: same messages and exit codes as the CLI, and no Spark for them. */
class SparkSweepTest {

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkSweep.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), (spec, a) -> SparkCluster.over(() -> {
                    throw new AssertionError("Spark must not start for a user error");
                }, null));
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInvalidSpecFailsWithTheCliMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Path spec = TestClusters.spec(dir, "bad", TestClusters.tinySpec("bad", "xxh64, nohash", 0));
        SpecException expected = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecReader.read(spec, List.of()));

        Result result = run(spec.toString(), "--out", dir.resolve("out").toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("bloomfit: " + expected.getMessage() + System.lineSeparator());
        assertThat(result.err()).contains("model.epochs").contains("grid.hash[1]");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingSpecFileAndAStoreThatCannotBeOpenedAreUserErrors(@TempDir Path dir) throws Exception {
        Result missing = run(dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").contains("no such spec file");

        Path spec = TestClusters.spec(dir, "ok", TestClusters.tinySpec("ok", "xxh64", 1));
        Result unreachable = run(spec.toString(), "--store", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("bloomfit: --store: cannot open the experiment store "
                + "jdbc:postgresql://127.0.0.1:1/none?user=u&password=***").doesNotContain("secret");

        Result unknown = run(spec.toString(), "--store", "s3://bucket/run");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("bloomfit: --store: s3://bucket/run: unknown store; give a run directory "
                + "(a path or a file: URL) or a database (jdbc:postgresql://HOST/DB?user=U&password=P or "
                + "jdbc:h2:file:PATH)" + System.lineSeparator());

        Result resume = run(spec.toString(), "--store", "jdbc:h2:file:" + dir.resolve("db"), "--resume");
        assertThat(resume.code()).isEqualTo(2);
        assertThat(resume.err()).contains("--resume continues a run directory (--out DIR)");
        assertThat(dir.resolve("db.mv.db")).as("nothing was recorded").doesNotExist();
    }

    @Test
    void resultsOfAnEarlierRunNeedResume(@TempDir Path dir) throws Exception {
        Path spec = TestClusters.spec(dir, "ok", TestClusters.tinySpec("ok", "xxh64", 1));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("results.jsonl"), "");
        Result result = run(spec.toString(), "--out", out.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("already holds results; add --resume");
    }

    @Test
    void confDefaultsToAnEmbeddedLocalRunAndShipsTheJarOnlyToOtherJvms() throws Exception {
        var spec = SpecReader.read(TestClusters.tinySpec("c", "xxh64", 1), "c.yaml", false, "c", null, List.of());
        SparkConf local = SparkSweep.conf(spec, null);
        assertThat(local.get("spark.master")).isEqualTo("local[*]");
        assertThat(local.get("spark.app.name")).isEqualTo("bloomfit c");
        assertThat(local.contains("spark.jars")).isFalse();
        assertThat(SparkSweep.conf(spec, "local[2]").get("spark.master")).isEqualTo("local[2]");
    }

    @Test
    void executorsReadTheSpecWithTheGridCutToTheirPluginsAndAbsoluteDataPaths() {
        var plugins = ExecutorPlugins.load(null);
        String json = "{\"dataset\":{\"source\":\"csv\",\"path\":\"data/r.csv\"},"
                + "\"grid\":{\"compressor\":[\"bloom\",\"gone\"],\"hash\":[\"gone-too\"]}}";
        assertThat(SweepJobs.forExecutor(json, plugins)).isEqualTo("{\"dataset\":{\"source\":\"csv\",\"path\":"
                + "\"data/r.csv\"},\"grid\":{\"compressor\":[\"bloom\"]}}");
        assertThat(SweepJobs.withAbsoluteDataPath(json)).contains("\"path\":\""
                + Path.of("data/r.csv").toAbsolutePath() + "\"");
        String files = "{\"split\":{\"kind\":\"files\",\"train\":\"parts/train.csv\",\"test\":\"/data/test.csv\","
                + "\"validation\":null}}";
        assertThat(SweepJobs.withAbsoluteDataPath(files)).isEqualTo("{\"split\":{\"kind\":\"files\",\"train\":\""
                + Path.of("parts/train.csv").toAbsolutePath() + "\",\"test\":\"/data/test.csv\",\"validation\":null}}");
        String random = "{\"split\":{\"kind\":\"random\",\"test\":0.2}}";
        assertThat(SweepJobs.withAbsoluteDataPath(random)).isEqualTo(random);
        assertThatThrownBy(() -> SweepJobs.withAbsoluteDataPath("not json")).hasMessageContaining("not JSON");
    }
}
