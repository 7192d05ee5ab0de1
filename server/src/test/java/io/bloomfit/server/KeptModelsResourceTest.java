package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Models kept with {@code keepModels: true} and recommendations from them. The data is a hand-made ratings file
 * split leave-last-out, so each user's training items are known without the server: all of the user's items but
 * the one with the latest timestamp.
 */
@QuarkusTest
class KeptModelsResourceTest {

    private static final int USERS = 20;
    private static final int ITEMS_PER_USER = 8;

    /** Item {@code j} (0-based, in time order) of user index {@code u}: ids 501..530. */
    private static int item(int u, int j) {
        return 501 + (u * 7 + 3 * j) % 30;
    }

    /** Users 101..120, each with 8 distinct items at timestamps 1000..1007, all rated 5. */
    private static String ratings() {
        StringBuilder csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 0; u < USERS; u++) {
            for (int j = 0; j < ITEMS_PER_USER; j++) {
                csv.append(101 + u).append(',').append(item(u, j)).append(",5,").append(1000 + j).append('\n');
            }
        }
        return csv.toString();
    }

    /** The training items of user index {@code u}: every item but the last one. */
    private static Set<String> trainItems(int u) {
        Set<String> items = new LinkedHashSet<>();
        for (int j = 0; j < ITEMS_PER_USER - 1; j++) {
            items.add(Integer.toString(item(u, j)));
        }
        return items;
    }

    private static Set<String> allItems() {
        Set<String> items = new LinkedHashSet<>();
        for (int u = 0; u < USERS; u++) {
            for (int j = 0; j < ITEMS_PER_USER; j++) {
                items.add(Integer.toString(item(u, j)));
            }
        }
        return items;
    }

    private static final String SPEC = """
            name: kept
            keepModels: true
            dataset: {source: csv, path: datasets/kept-ratings.csv, timestamp: timestamp}
            split: {kind: leave-last-out}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, batchSize: 64, optimizer: sparse-adam, seed: 1}
            trainer: {name: cpu}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.5], hashes: [2], sides: [both]}
            """;

    private static final String BLOOM = "bloom-xxh64-r0.5-k2-both-0";

    private static String upload() {
        given().body(ratings().getBytes(StandardCharsets.UTF_8)).put("/api/datasets/kept-ratings.csv").then()
                .statusCode(201);
        return ExperimentsResourceTest.submit(SPEC, "application/yaml");
    }

    private static String recommendations(String id, String point) {
        return "/api/experiments/" + id + "/points/" + point + "/recommendations";
    }

    @Test
    void aKeptModelRecommendsInSourceIdsWithoutTheUsersTrainingItems() throws Exception {
        String id = upload();
        Map<String, Object> done = ExperimentsResourceTest.awaitEnd(id);
        assertThat(done.get("status")).as(String.valueOf(done.get("error"))).isEqualTo("finished");
        // the fitted points keep a model; the popularity and random references are never fitted
        assertThat(done.get("models")).isEqualTo(List.of(BLOOM, "plain-0"));

        int user = 4; // source id 105
        Set<String> seen = trainItems(user);
        for (String point : List.of("plain-0", BLOOM)) {
            Response r = given().queryParam("user", "105").queryParam("k", 5).get(recommendations(id, point));
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat(r.<String>path("experiment")).isEqualTo(id);
            assertThat(r.<String>path("point")).isEqualTo(point);
            assertThat(r.<String>path("user")).isEqualTo("105");
            assertThat(r.<Integer>path("k")).isEqualTo(5);
            List<String> items = r.path("items.item");
            assertThat(items).hasSize(5).doesNotHaveDuplicates().doesNotContainAnyElementsOf(seen);
            assertThat(allItems()).containsAll(items);
            assertThat(r.<List<Integer>>path("items.rank")).containsExactly(1, 2, 3, 4, 5);
            List<Float> scores = r.path("items.score");
            for (int i = 1; i < scores.size(); i++) {
                assertThat(scores.get(i)).as("scores best first: %s", scores).isLessThanOrEqualTo(scores.get(i - 1));
            }
        }

        // every item: all but the user's 7 training items, the held-out one among them
        int all = allItems().size();
        List<String> everything = given().queryParam("user", "105").queryParam("k", all)
                .get(recommendations(id, "plain-0")).then().statusCode(200).extract().path("items.item");
        assertThat(everything).hasSize(all - seen.size()).doesNotContainAnyElementsOf(seen)
                .contains(Integer.toString(item(user, ITEMS_PER_USER - 1)));
        // k defaults to 10
        given().queryParam("user", "120").get(recommendations(id, BLOOM)).then().statusCode(200)
                .body("k", equalTo(10)).body("items.size()", equalTo(10));

        // errors, each a problem body that says what to change
        given().queryParam("user", "999").get(recommendations(id, "plain-0")).then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("user '999'"));
        given().queryParam("user", "105").queryParam("k", 0).get(recommendations(id, "plain-0")).then()
                .statusCode(400).body("detail", containsString("'k' must be in 1..1000, was 0"));
        given().queryParam("user", "105").queryParam("k", 1_000_000).get(recommendations(id, "plain-0")).then()
                .statusCode(400);
        given().get(recommendations(id, "plain-0")).then().statusCode(400)
                .body("detail", containsString("query parameter 'user' is required"));
        given().queryParam("user", "105").get(recommendations(id, "plain-7")).then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("its kept models: " + BLOOM + ", plain-0"));
        given().queryParam("user", "105").get(recommendations(id, "popularity-nohash-r1.0-k1-none-0")).then()
                .statusCode(404).body("detail", containsString("reference ranker"));
        given().queryParam("user", "105").get(recommendations("no-such-id", "plain-0")).then().statusCode(404)
                .contentType(containsString("application/problem+json"));

        // the models go with the experiment
        Path kept = Path.of("target/test-data/models", id);
        assertThat(kept.resolve("plain-0")).isDirectory();
        assertThat(Files.readAllLines(kept.resolve("user-ids.txt"))).hasSize(USERS).contains("105");
        given().delete("/api/experiments/" + id).then().statusCode(204);
        assertThat(kept).doesNotExist();
        given().queryParam("user", "105").get(recommendations(id, "plain-0")).then().statusCode(404);
    }

    @Test
    void anExperimentWithoutKeepModelsKeepsNoneAndSaysHowToGetThem() throws Exception {
        String id = ExperimentsResourceTest.submit(ExperimentsResourceTest.TINY_YAML.replace("name: tiny",
                "name: not-kept"), "application/yaml");
        Map<String, Object> done = ExperimentsResourceTest.awaitEnd(id);
        assertThat(done.get("models")).isEqualTo(new ArrayList<>());
        given().queryParam("user", "1").get(recommendations(id, "plain-0")).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("submit the spec again with keepModels: true"));
        given().delete("/api/experiments/" + id).then().statusCode(204);
    }
}
