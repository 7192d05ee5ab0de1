package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PluginsResourceTest {

    @Test
    void listsBuiltInHashFunctionsWithTheirSource() {
        given().when().get("/api/plugins")
                .then().statusCode(200)
                .body("hashFunctions.name", hasItem("xxh3"))
                .body("hashFunctions.find { it.name == 'xxh3' }.source", equalTo("built-in"));
    }

    @Test
    void listsEachCompressorsOptionsWithTheirRuleAndDefault() {
        given().when().get("/api/plugins")
                .then().statusCode(200)
                .body("compressors.find { it.name == 'bloom-hybrid' }.options.name", equalTo(
                        java.util.List.of("hotShare", "coldFloor")))
                .body("compressors.find { it.name == 'bloom-hybrid' }.options[0].rule",
                        equalTo("auto or a number in [0, 1]"))
                .body("compressors.find { it.name == 'bloom-hybrid' }.options[0].default", equalTo("auto"))
                .body("compressors.find { it.name == 'bloom-hybrid' }.options[1].default", equalTo(0.2f))
                .body("compressors.find { it.name == 'bloom' }.options[0].type", equalTo("choice"))
                .body("compressors.find { it.name == 'plain' }.options", equalTo(java.util.List.of()))
                .body("hashFunctions.find { it.name == 'xxh3' }.options", equalTo(java.util.List.of()));
    }

    @Test
    void listsTheOptionsEachTrainerTakes() {
        given().when().get("/api/plugins")
                .then().statusCode(200)
                .body("trainers.find { it.name == 'djl' }.options.name", equalTo(java.util.List.of("sparseGradients")))
                .body("trainers.find { it.name == 'djl' }.options[0].type", equalTo("choice"))
                .body("trainers.find { it.name == 'djl' }.options[0].default", equalTo("fused"))
                .body("trainers.find { it.name == 'djl' }.options[0].rule", equalTo("one of fused, autograd"))
                .body("trainers.find { it.name == 'cpu' }.options", equalTo(java.util.List.of()));
    }

    @Test
    void hashesKeysAsUnsignedDecimal() {
        // XXH64 of the 8 bytes 00..00 with seed 0 is 0x34c96acdcadb1bbb: Debian's python3-xxhash,
        // xxhash.xxh64(bytes(8)).hexdigest().
        given().when().get("/api/plugins/hash/xxh64?seed=0&key=0")
                .then().statusCode(200)
                .body("values[0]", equalTo(Long.toUnsignedString(0x34c96acdcadb1bbbL)));
    }

    @Test
    void anUnknownHashFunctionIsAProblemNamingTheAvailableOnes() {
        given().when().get("/api/plugins/hash/xxhash?key=1")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString("unknown hash function 'xxhash'; available:"))
                .body("detail", containsString("xxh3"));
    }
}
