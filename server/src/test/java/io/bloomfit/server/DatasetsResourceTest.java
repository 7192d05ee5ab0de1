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
import static org.hamcrest.Matchers.not;

/** {@code PUT /api/datasets/{name}}: uploads are checked with a run's loader, named safely and listed. */
@QuarkusTest
class DatasetsResourceTest {

    /** MovieLens u.data layout (user, item, rating, time; tabs): 3 users, 4 items, 9 ratings. */
    static final String U_DATA = """
            1\t10\t5\t881250949
            1\t20\t3\t881250950
            1\t30\t4\t881250951
            2\t10\t4\t881250952
            2\t40\t2\t881250953
            2\t30\t5\t881250954
            3\t20\t1\t881250955
            3\t40\t5\t881250956
            3\t10\t3\t881250957
            """;

    @Test
    void aGoodFileIsStoredListedAndUsableByASpec() throws Exception {
        Response put = given().body(U_DATA.getBytes(StandardCharsets.UTF_8)).put("/api/datasets/small.data");
        assertThat(put.statusCode()).as(put.asString()).isEqualTo(201);
        put.then().body("name", equalTo("small.data")).body("path", equalTo("datasets/small.data"))
                .body("bytes", equalTo(U_DATA.getBytes(StandardCharsets.UTF_8).length))
                .body("users", equalTo(3)).body("items", equalTo(4)).body("interactions", equalTo(9));
        given().get("/api/datasets").then().statusCode(200)
                .body("files.name", hasItem("small.data"))
                .body("files.find { it.name == 'small.data' }.path", equalTo("datasets/small.data"))
                .body("synthetic", hasItem("synthetic-ml100k"));

        String spec = ExperimentsResourceTest.TINY_YAML.replace("name: tiny", "name: uploaded")
                .replace("{source: synthetic, users: 60, items: 80, interactions: 1500}",
                        "{source: movielens, path: datasets/small.data}")
                .replace("{kind: random, test: 0.2, seed: 3}", "{kind: leave-last-out}");
        String id = ExperimentsResourceTest.submit(spec, "application/yaml");
        Map<String, Object> done = ExperimentsResourceTest.awaitEnd(id);
        assertThat(done.get("status")).as(String.valueOf(done.get("error"))).isEqualTo("finished");
        given().delete("/api/experiments/" + id).then().statusCode(204);
    }

    @Test
    void dataTheSplitCannotUseFailsTheExperimentWithTheReasonNotAsAServerFault() throws Exception {
        // a csv source loads no timestamps unless dataset.timestamp names the column
        given().body("userId,movieId,rating,timestamp\n1,10,5,100\n1,20,5,101\n2,10,5,102\n".getBytes(StandardCharsets.UTF_8))
                .put("/api/datasets/no-times.csv").then().statusCode(201);
        String spec = ExperimentsResourceTest.TINY_YAML.replace("name: tiny", "name: no-times")
                .replace("{source: synthetic, users: 60, items: 80, interactions: 1500}",
                        "{source: csv, path: datasets/no-times.csv}")
                .replace("{kind: random, test: 0.2, seed: 3}", "{kind: leave-last-out}");
        String id = ExperimentsResourceTest.submit(spec, "application/yaml");
        Map<String, Object> done = ExperimentsResourceTest.awaitEnd(id);
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat((String) done.get("error")).startsWith("split: a leave-last-out split needs timestamps")
                .doesNotContain("unexpectedly");
        given().delete("/api/experiments/" + id).then().statusCode(204);
    }

    @Test
    void aFileWithABadLineIsRefusedNamingTheLineAndIsNotStored() {
        String bad = "1\t10\t5\t881250949\n1\t20\t3\t881250950\n1\tx\n";
        Response r = given().body(bad.getBytes(StandardCharsets.UTF_8)).put("/api/datasets/broken.data");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        r.then().contentType(containsString("application/problem+json"))
                .body("detail", containsString("broken.data:3"))
                .body("detail", not(containsString(".incoming-")));
        given().get("/api/datasets").then().statusCode(200).body("files.name", not(hasItem("broken.data")));
    }

    @Test
    void namesThatCouldLeaveTheFolderOrHideAFileAreRefused() {
        byte[] body = U_DATA.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of(".hidden", "..data", "a..b", "-", "x".repeat(129))) {
            Response r = given().body(body).put("/api/datasets/" + name);
            assertThat(r.statusCode()).as(name + ": " + r.asString()).isEqualTo(400);
            r.then().contentType(containsString("application/problem+json"))
                    .body("detail", containsString("is not allowed"));
        }
        // a plain slash makes another path, which nothing serves (404); an encoded one reaches the name check (400)
        Map<String, Integer> paths = Map.of("/api/datasets/a/b", 404, "/api/datasets/a%2Fb", 400,
                "/api/datasets/..%2Fx", 400);
        paths.forEach((path, status) -> {
            Response r = given().urlEncodingEnabled(false).body(body).put(path);
            assertThat(r.statusCode()).as(path + ": " + r.asString()).isEqualTo(status);
            r.then().contentType(containsString("application/problem+json"));
        });
        given().get("/api/datasets").then().statusCode(200).body("files.name", not(hasItem("b")))
                .body("files.name", not(hasItem(".hidden")));
    }
}
