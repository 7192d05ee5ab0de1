package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user-visible command path of {@code bloomfit}: exit codes and the lines users and scripts rely on. */
@QuarkusMainTest
class BloomfitCommandTest {

    static String spec(String name) {
        return Path.of("src/test/resources/specs", name).toAbsolutePath().toString();
    }

    @Test
    @Launch("--version")
    void version(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).startsWith("bloomfit 0.1.0-SNAPSHOT").contains("java ");
    }

    @Test
    @Launch("--help")
    void helpListsCommandsAndExitCodes(LaunchResult result) {
        assertThat(result.getOutput()).contains("run", "report", "plugins", "hash", "layout", "datasets",
                "recommend", "bench", "Exit codes: 0 ok; 1 failure");
    }

    @Test
    void everyCommandHasHelp(QuarkusMainLauncher launcher) {
        for (String command : List.of("run", "report", "plugins", "hash", "layout", "datasets", "recommend",
                "bench")) {
            LaunchResult result = launcher.launch(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.getOutput()).as(command).contains("Usage: bloomfit " + command);
        }
    }

    @Test
    @Launch(value = "--frobnicate", exitCode = 2)
    void unknownOptionsAreUsageErrors(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("Unknown option: '--frobnicate'");
        assertThat(result.getErrorOutput()).doesNotContain("at picocli");
    }

    @Test
    @Launch("plugins")
    void pluginsListsEveryKindWithItsSource(LaunchResult result) {
        assertThat(result.getOutput()).contains("hash functions:", "compressors:", "trainers:");
        assertThat(result.getOutput()).containsPattern("(?m)^  xxh64 +built-in$");
        assertThat(result.getOutput()).containsPattern("(?m)^  bloom +built-in$");
        assertThat(result.getOutput()).containsPattern("(?m)^  djl +built-in$");
        assertThat(result.getOutput()).containsPattern("(?m)^    option sparseGradients: one of fused, autograd, "
                + "default fused; how sparse-optimizer steps");
    }

    @Test
    @Launch({"plugins", "--json"})
    void pluginsAsJson(LaunchResult result) throws Exception {
        JsonNode json = new ObjectMapper().readTree(result.getOutput());
        assertThat(json.get("hashFunctions").findValuesAsText("name")).contains("xxh64", "murmur3_32");
        assertThat(json.get("compressors").findValuesAsText("name")).contains("plain", "bloom", "hashing-trick",
                "quotient-remainder");
        assertThat(json.get("trainers").get(0).get("source").asText()).isEqualTo("built-in");
        JsonNode djl = null;
        for (JsonNode trainer : json.get("trainers")) {
            djl = trainer.get("name").asText().equals("djl") ? trainer : djl;
        }
        assertThat(djl.get("options")).hasSize(1);
        JsonNode option = djl.get("options").get(0);
        assertThat(option.get("name").asText()).isEqualTo("sparseGradients");
        assertThat(option.get("type").asText()).isEqualTo("choice");
        assertThat(option.get("default").asText()).isEqualTo("fused");
        assertThat(option.get("rule").asText()).isEqualTo("one of fused, autograd");
        assertThat(json.get("problems").isArray()).isTrue();
    }

    @Test
    @Launch({"hash", "--function", "xxh64", "--seed", "42", "0", "1", "42"})
    void hashPrintsUnsignedDecimalValues(LaunchResult result) {
        // python3-xxhash 3.2.0 over libxxhash 0.8.1: xxh64_intdigest(key as 8 LE bytes, seed 42), as pasted in
        // hash-plugins' vectors/xxh64.csv (0xb71b47ebda15746c, 0x9ed50fd59358d232, 0xa092f330c19ff2de)
        assertThat(result.getOutput().lines()).containsExactly(Long.toUnsignedString(0xb71b47ebda15746cL),
                Long.toUnsignedString(0x9ed50fd59358d232L), Long.toUnsignedString(0xa092f330c19ff2deL));
    }

    @Test
    @Launch(value = {"hash", "--function", "xxhash", "1"}, exitCode = 2)
    void anUnknownHashFunctionListsTheAvailableOnes(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("bloomfit: unknown hash function 'xxhash'; available: ")
                .contains("xxh64").doesNotContain("Exception");
    }

    @Test
    @Launch(value = {"hash", "--function", "xxh64", "one"}, exitCode = 2)
    void aKeyThatIsNotANumberIsAUsageError(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("KEY 'one' is not a 64-bit integer");
    }

    @Test
    @Launch({"layout", "--compressor", "bloom", "--hash", "xxh64", "--entities", "1000", "--ratio", "0.4",
        "--hashes", "2"})
    void layoutPrintsSizesAndCollisions(LaunchResult result) {
        // ceil(0.4 * 1000) = 400 rows of 32 floats; 1000 entities x 2 int lookups = 8000 index bytes
        assertThat(result.getOutput().lines()).contains("compressor: bloom", "entities: 1000", "hashes: 2",
                "tables: [400]", "rows: 400", "parameters: 12800 (dimension 32)", "index bytes: 8000");
        assertThat(result.getOutput()).contains("entities sharing signature: ", "max entities per row: ",
                "distinct rows per entity: ");
    }

    @Test
    @Launch(value = {"layout", "--compressor", "bloom", "--hash", "xxh64", "--entities", "0"}, exitCode = 2)
    void layoutRejectsBadSizes(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--entities must be >= 1, was 0");
    }

    @Test
    @Launch({"datasets", "info", "synthetic-ml100k"})
    void datasetsInfoPrintsTheCounts(LaunchResult result) {
        // the preset's definition: MovieLens 100K's shape
        assertThat(result.getOutput().lines()).contains("users: 943", "items: 1682", "interactions: 100000");
    }

    @Test
    void datasetsInfoReadsFilesWithTheRunLoader(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t10\t5\t881250949\n1\t20\t3\t881250950\n2\t10\t4\t881250951\n");
        LaunchResult ok = launcher.launch("datasets", "info", file.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.getOutput().lines()).contains("users: 2", "items: 2", "interactions: 3");
        Files.writeString(file, "1\t10\t5\t881250949\n1\tx\n");
        LaunchResult bad = launcher.launch("datasets", "info", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getErrorOutput()).contains(file + ":2");
    }

    @Test
    @Launch({"datasets", "list"})
    void datasetsListNamesPresetsAndReleases(LaunchResult result) {
        assertThat(result.getOutput()).contains("synthetic-ml100k", "synthetic-large", "movielens-100k");
    }

    @Test
    void runWritesResultsAndReportsAndReportRerendersThem(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("run");
        LaunchResult run = launcher.launch("run", spec("tiny.yaml"), "--out", out.toString(), "--save-models");
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(rows).hasSize(4); // plain, bloom, then the popularity and random references
        assertThat(new ObjectMapper().readTree(rows.get(2)).get("compressor").asText()).isEqualTo("popularity");
        assertThat(new ObjectMapper().readTree(rows.get(3)).get("compressor").asText()).isEqualTo("random");
        JsonNode plain = new ObjectMapper().readTree(rows.get(0));
        JsonNode bloom = new ObjectMapper().readTree(rows.get(1));
        assertThat(plain.get("compressor").asText()).isEqualTo("plain");
        assertThat(bloom.get("compressor").asText()).isEqualTo("bloom");
        assertThat(bloom.get("status").asText()).isEqualTo("ok");
        assertThat(bloom.get("mrr").asDouble()).isBetween(0.0, 1.0);
        assertThat(bloom.get("fit_seconds_per_epoch").size()).isEqualTo(1);
        assertThat(bloom.get("device").asText()).isNotBlank();
        assertThat(Files.readString(out.resolve("summary.csv"))).startsWith("compressor,hash,ratio,hashes,sides");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<canvas id=\"mrr-ratio\">");
        assertThat(run.getOutput()).containsPattern("(?m)^compressor +hash +ratio +k +sides +runs +MRR");
        assertThat(run.getOutput()).containsPattern("(?m)^plain .* 1\\.000 .* 1\\.00x");
        assertThat(run.getOutput()).contains("results: " + out.resolve("results.jsonl"));
        // not a terminal: plain progress lines
        assertThat(run.getErrorOutput()).contains("[2/4] bloom xxh64 r=0.5 k=2 both #0  epoch 1/1")
                .doesNotContain("\r");

        LaunchResult report = launcher.launch("report", out.toString());
        assertThat(report.exitCode()).isZero();
        assertThat(report.getOutput()).containsPattern("(?m)^bloom +xxh64 +0\\.5 +2 +both +1 ");

        LaunchResult recommend = launcher.launch("recommend", out.resolve("models/plain-0").toString(), "--user",
                "5", "-k", "3");
        assertThat(recommend.exitCode()).as(recommend.getErrorOutput()).isZero();
        assertThat(recommend.getOutput().lines()).hasSize(4).first().isEqualTo("rank  item  score");

        // the run is complete: resuming runs nothing and keeps the rows
        LaunchResult resumed = launcher.launch("run", spec("tiny.yaml"), "--out", out.toString(), "--resume");
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.getErrorOutput()).contains("grid: 0 points to run, 4 finished earlier (resumed)");
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(4);

        LaunchResult again = launcher.launch("run", spec("tiny.yaml"), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.getErrorOutput()).contains("already holds results; add --resume");
    }

    @Test
    void recommendLeavesOutTrainingItemsUnlessIncludeSeen(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("run");
        LaunchResult run = launcher.launch("run", spec("tiny.yaml"), "--out", out.toString(), "--save-models");
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        List<String> userIds = Files.readAllLines(out.resolve("models/user-ids.txt"));
        List<String> itemIds = Files.readAllLines(out.resolve("models/item-ids.txt"));
        List<String> trainItems = Files.readAllLines(out.resolve("models/train-items.tsv"));
        assertThat(trainItems).hasSameSizeAs(userIds);
        // 12000 interactions over 300 users, 80% in training: every user has some
        List<String> seen = new ArrayList<>();
        for (String index : trainItems.get(5).split("\t")) {
            seen.add(itemIds.get(Integer.parseInt(index)));
        }
        assertThat(seen).isNotEmpty();
        String model = out.resolve("models/plain-0").toString();
        String all = Integer.toString(itemIds.size());

        LaunchResult unseen = launcher.launch("recommend", model, "--user", userIds.get(5), "-k", all);
        assertThat(unseen.exitCode()).as(unseen.getErrorOutput()).isZero();
        List<String> returned = items(unseen);
        assertThat(returned).hasSize(itemIds.size() - seen.size()).doesNotContainAnyElementsOf(seen);
        assertThat(unseen.getErrorOutput()).doesNotContain("without its training items");

        LaunchResult withSeen = launcher.launch("recommend", model, "--user", userIds.get(5), "-k", all,
                "--include-seen");
        assertThat(withSeen.exitCode()).as(withSeen.getErrorOutput()).isZero();
        assertThat(items(withSeen)).hasSize(itemIds.size()).containsAll(seen);

        // a model saved before train-items.tsv existed: say so once, then recommend from every item
        Files.delete(out.resolve("models/train-items.tsv"));
        LaunchResult old = launcher.launch("recommend", model, "--user", userIds.get(5), "-k", all);
        assertThat(old.exitCode()).as(old.getErrorOutput()).isZero();
        String message = "this model was saved without its training items; seen items are not excluded; "
                + "re-run with --save-models to save them";
        assertThat(old.getErrorOutput().split(java.util.regex.Pattern.quote(message), -1)).hasSize(2);
        assertThat(items(old)).hasSize(itemIds.size()).containsAll(seen);
        LaunchResult oldWithSeen = launcher.launch("recommend", model, "--user", userIds.get(5), "--include-seen");
        assertThat(oldWithSeen.exitCode()).isZero();
        assertThat(oldWithSeen.getErrorOutput()).doesNotContain(message);
    }

    private static List<String> items(LaunchResult recommend) {
        return recommend.getOutput().lines().skip(1).map(line -> line.split("  ")[1]).toList();
    }

    @Test
    @Launch(value = {"run", "src/test/resources/specs/bad-hash.yaml"}, exitCode = 2)
    void specErrorsNameTheFieldAndExitTwo(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("grid.hash[2]: unknown hash function 'xxhash'; available: ")
                .doesNotContain("Exception");
    }

    @Test
    void overridesAreValidatedToo(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("run", spec("tiny.yaml"), "--set", "model.epochs=0", "--set",
                "grid.sides=[all]");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("model.epochs: must be in 1..1000000; was 0",
                "grid.sides[0]: unknown value 'all'; expected one of both | users | items");
    }

    @Test
    @Launch(value = {"run", "--resume"}, exitCode = 2)
    void resumeNeedsAnOutputDirectory(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--resume needs --out DIR");
    }

    @Test
    @Launch(value = {"report", "/nonexistent/run"}, exitCode = 2)
    void reportOfAMissingDirectory(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("/nonexistent/run: no such directory");
    }

    @Test
    void noArgumentsRunsTheBundledQuickstart(QuarkusMainLauncher launcher, @TempDir Path dir) {
        // The quickstart as bundled, shrunk for CI through SmallRye Config (BLOOMFIT_SET / -Dbloomfit.set).
        System.setProperty("bloomfit.set", "dataset={source: synthetic, users: 200, items: 300, interactions: 6000},"
                + "model.epochs=1,grid.compressor=[bloom],grid.hash=[xxh64],grid.ratio=[0.5]");
        System.setProperty("bloomfit.out", dir.toString());
        try {
            LaunchResult result = launcher.launch();
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getErrorOutput()).contains("bloomfit: quickstart (examples/quickstart.yaml, bundled)");
            assertThat(result.getOutput()).containsPattern("(?m)^bloom +xxh64 +0\\.5 +2 +both");
            List<Path> runs = new ArrayList<>();
            try (var listing = Files.list(dir)) {
                listing.forEach(runs::add);
            }
            assertThat(runs).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .startsWith("quickstart-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            System.clearProperty("bloomfit.set");
            System.clearProperty("bloomfit.out");
        }
    }

    @Test
    @Launch({"bench", "layout", "--entities", "20000", "--hashes", "2"})
    void benchLayout(LaunchResult result) {
        assertThat(result.getOutput()).contains("bloom xxh64: 20,000 entities, ratio 0.2, k 2 -> 4,000 rows: ");
    }
}
