package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * {@code POST /api/experiments?dryRun=true} (the plan, nothing queued or stored) and specs with a {@code files}
 * split, whose part files are uploads in the data directory, run as the CLI runs them.
 */
@QuarkusTest
class DryRunAndFilesSplitTest {

    /** The parts: 4 users (1-4) and 6 items (10-15) in training, one test pair per user (u.data layout). */
    private static final String TRAIN = "1\t10\t5\t1\n1\t11\t4\t2\n2\t12\t3\t3\n2\t13\t4\t4\n3\t14\t5\t5\n3\t15\t2\t6\n"
            + "4\t10\t4\t7\n4\t12\t5\t8\n";
    private static final String TEST = "1\t12\t4\t9\n2\t10\t5\t10\n3\t11\t3\t11\n4\t15\t4\t12\n";

    private static String filesSpec(String name, String train, String test) {
        return """
                name: %s
                dataset: {source: movielens}
                split: {kind: files, train: '%s', test: '%s'}
                model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, optimizer: sparse-adam}
                trainer: {name: cpu}
                grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
                """.formatted(name, train, test);
    }

    private static void upload() {
        given().body(TRAIN.getBytes(StandardCharsets.UTF_8)).put("/api/datasets/parts.base").then().statusCode(201);
        given().body(TEST.getBytes(StandardCharsets.UTF_8)).put("/api/datasets/parts.test").then().statusCode(201);
    }

    private static int experiments() {
        return given().get("/api/experiments").then().statusCode(200).extract().path("total");
    }

    @Test
    void aDryRunAnswersThePlanSizedOnTheDataAndQueuesNothing() {
        upload();
        int before = experiments();

        Response r = given().contentType("application/yaml")
                .body(filesSpec("planned", "datasets/parts.base", "datasets/parts.test").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/experiments?dryRun=true");

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        r.then().body("name", equalTo("planned"))
                .body("data", containsString("4 users, 6 items"))
                .body("data_loaded", containsString("nothing was trained, queued or stored"))
                .body("points.compressor", equalTo(List.of("plain", "bloom", "popularity", "random")))
                // dimension 8; plain: 10 rows x 8 floats + 10 int indices; bloom r=0.5 k=2: 5 rows x 8 + 20 indices
                .body("points[0].parameters", equalTo(80)).body("points[0].bytes", equalTo(360))
                .body("points[1].parameters", equalTo(40)).body("points[1].bytes", equalTo(240))
                .body("points[1].hash", equalTo("xxh64")).body("points[1].hashes", equalTo(2))
                .body("points[1].sides", equalTo("both")).body("points[1].ratio", equalTo(0.5f))
                .body("points[2].reference", equalTo(true)).body("points[2].parameters", equalTo(0))
                .body("points[0].memory[0]", containsString("layouts"))
                .body("totals.points", equalTo(4)).body("totals.trained", equalTo(2))
                .body("totals.references", equalTo(2)).body("totals.parameters", equalTo(120))
                .body("totals.largest_point", equalTo("plain baseline #0"));
        assertThat(r.<Integer>path("points[0].memory_bytes")).isPositive();
        assertThat(experiments()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anInvalidSpecIsA400ProblemAsForASubmission() {
        String bad = ExperimentsResourceTest.TINY_YAML.replace("hash: [xxh64]", "hash: [xxh64, xxhash]")
                .replace("dimension: 8", "dimension: 0");

        given().contentType("application/yaml").body(bad.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/experiments?dryRun=true").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("problems.path", hasItem("grid.hash[1]"))
                .body("problems.path", hasItem("model.dimension"));
    }

    @Test
    void aFilesSplitRunsAsInTheCli() throws Exception {
        upload();
        String id = ExperimentsResourceTest.submit(filesSpec("files", "datasets/parts.base", "datasets/parts.test"),
                "application/yaml");

        Map<String, Object> done = ExperimentsResourceTest.awaitEnd(id);

        assertThat(done.get("status")).as(String.valueOf(done.get("error"))).isEqualTo("finished");
        assertThat(done.get("points")).isEqualTo(Map.of("total", 4, "finished", 4, "failed", 0));
        given().delete("/api/experiments/" + id).then().statusCode(204);
    }

    @Test
    void partFilesOutsideTheDataDirectoryAreRefusedAtTheirField() {
        given().contentType("application/yaml")
                .body(filesSpec("outside", "/etc/passwd", "datasets/parts.test").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/experiments").then().statusCode(400)
                .body("problems.path", equalTo(List.of("split.train")))
                .body("detail", containsString("'/etc/passwd' is refused: it is outside the data directory"))
                .body("detail", containsString("use train: datasets/NAME"));
        given().contentType("application/yaml")
                .body(filesSpec("dots", "datasets/parts.base", "../parts.test").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/experiments?dryRun=true").then().statusCode(400)
                .body("problems.path", equalTo(List.of("split.test")));
    }
}
