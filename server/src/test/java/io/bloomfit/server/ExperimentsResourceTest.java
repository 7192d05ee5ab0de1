package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The experiment API end to end in one server: submit, watch, read results, and the errors around it. */
@QuarkusTest
class ExperimentsResourceTest {

    /** A grid of two points (baseline + one Bloom point) on tiny synthetic data, one epoch, the pure-Java trainer. */
    static final String TINY_YAML = """
            name: tiny
            dataset: {source: synthetic, users: 60, items: 80, interactions: 1500}
            split: {kind: random, test: 0.2, seed: 3}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, batchSize: 256, optimizer: sparse-adam, seed: 1}
            trainer: {name: cpu}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
            """;

    static String submit(String body, String type) {
        Response r = given().contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/experiments");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        r.then().statusCode(202).header("Location", startsWith("/api/experiments/"))
                .body("status", equalTo("queued"));
        return r.path("id");
    }

    static Map<String, Object> awaitEnd(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> e = given().get("/api/experiments/" + id).then().statusCode(200).extract().path("");
            String status = (String) e.get("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("experiment " + id + " did not end within 60 s");
    }

    @Test
    void aSubmittedYamlSpecRunsAndItsResultsSummaryAndReportAreServed() throws Exception {
        String id = submit(TINY_YAML, "application/yaml");
        Map<String, Object> done = awaitEnd(id);
        assertThat(done.get("status")).isEqualTo("finished");
        // plain + bloom + the popularity and random reference rows
        assertThat(done.get("points")).isEqualTo(Map.of("total", 4, "finished", 4, "failed", 0));
        assertThat(done.get("started")).isNotNull();
        assertThat(done.get("finished")).isNotNull();
        assertThat(((Map<?, ?>) done.get("spec")).get("name")).isEqualTo("tiny");

        List<Map<String, Object>> rows = given().get("/api/experiments/" + id + "/results").then().statusCode(200)
                .extract().path("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(io.bloomfit.experiment.grid.ResultRowJson.FIELDS);
        assertThat(rows).extracting(r -> r.get("compressor")).containsExactly("plain", "bloom", "popularity", "random");

        String csv = given().accept("text/csv").get("/api/experiments/" + id + "/results").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(5);
        assertThat(csv).startsWith("compressor,hash,ratio,hashes,sides,repeat,seed,status,");

        given().get("/api/experiments/" + id + "/summary").then().statusCode(200)
                .body("rows.compressor", hasItem("bloom"))
                .body("rows.find { it.compressor == 'plain' }.runs", equalTo(1));
        given().get("/api/experiments/" + id + "/report").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("tiny"));

        given().get("/api/experiments?limit=50").then().statusCode(200).body("experiments.id", hasItem(id));

        List<String> events = eventNames(id, 6);
        // a late client gets the current state first, then the stored events
        assertThat(events.get(0)).isEqualTo("status");
        assertThat(events).contains("point-started", "epoch", "point-finished");

        given().delete("/api/experiments/" + id).then().statusCode(204);
        given().get("/api/experiments/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    /** The names of the first {@code count} server-sent events of an experiment (the stream stays open). */
    static List<String> eventNames(String id, int count) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/api/experiments/" + id + "/events")).header("Accept", "text/event-stream").build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = client.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.filter(l -> l.startsWith("event:")).map(l -> l.substring("event:".length()).strip())
                    .limit(count).toList();
        }
    }

    @Test
    void anInvalidSpecIsAProblemListingEveryBadFieldWithTheClisMessages() {
        String bad = TINY_YAML.replace("hash: [xxh64]", "hash: [xxh64, murmur3_32, xxhash]")
                .replace("dimension: 8", "dimension: -1");
        given().contentType("application/yaml").body(bad.getBytes(StandardCharsets.UTF_8)).when().post("/api/experiments")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("grid.hash[2]: unknown hash function 'xxhash'; available: "))
                .body("problems.path", hasItem("grid.hash[2]"))
                .body("problems.path", hasItem("model.dimension"));
    }

    @Test
    void datasetPathsOutsideTheDataDirectoryAreRefused() {
        for (String path : List.of("../secret.csv", "/etc/passwd", "datasets/../../x.csv")) {
            String spec = TINY_YAML.replace("{source: synthetic, users: 60, items: 80, interactions: 1500}",
                    "{source: csv, path: '" + path + "'}");
            given().contentType("application/yaml").body(spec.getBytes(StandardCharsets.UTF_8)).when().post("/api/experiments")
                    .then().statusCode(400)
                    .body("detail", containsString("dataset.path: '" + path + "' is refused"));
        }
    }

    @Test
    void everyErrorIsAProblemBody() {
        given().get("/no/such/page").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
        given().get("/api/experiments/no-such-id").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().put("/api/experiments").then().statusCode(405)
                .contentType(containsString("application/problem+json")).body("status", equalTo(405));
        given().accept("image/png").get("/api/experiments").then().statusCode(406)
                .contentType(containsString("application/problem+json"));
        given().contentType("text/plain").body("x").post("/api/experiments").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aSpecOverTheLimitIsTooLarge() {
        String big = TINY_YAML + "#" + "x".repeat(1_100_000) + "\n";
        given().contentType("application/yaml").body(big.getBytes(StandardCharsets.UTF_8)).when().post("/api/experiments")
                .then().statusCode(413).contentType(containsString("application/problem+json"));
    }

    @Test
    void resumeOfAFinishedExperimentAndDeleteOfAMissingOneAreRefused() throws InterruptedException {
        String id = submit(TINY_YAML.replace("name: tiny", "name: tiny-conflict"), "application/yaml");
        awaitEnd(id);
        given().post("/api/experiments/" + id + "/resume").then().statusCode(409)
                .body("detail", containsString("only interrupted, cancelled or failed"));
        given().post("/api/experiments/" + id + "/cancel").then().statusCode(409);
        given().delete("/api/experiments/no-such-id").then().statusCode(404);
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("experiment-store"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/experiments"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("bloomfit_queue_length"));
        given().get("/api/plugins").then().statusCode(200).body("trainers.name", hasItem("cpu"));
    }
}
