package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemMapperTest {

    @Test
    void aSpecProblemIsABadRequestWithItsFieldPath() {
        given().when().get("/test/problems/spec")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", equalTo("request: grid.ratio[0]: must be in (0, 1]; was 2.0"));
    }

    @Test
    void anUnreadableDatasetIsABadRequest() {
        given().when().get("/test/problems/dataset")
                .then().statusCode(400)
                .body("detail", equalTo("clicks.csv:3: expected 2 fields, found 1"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().contentType("application/json").body("{\"name\": \"a\", \"count\": ")
                .when().post("/test/problems/json")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400));
        given().contentType("application/json").body("{\"name\": \"a\", \"count\": 2}")
                .when().post("/test/problems/json")
                .then().statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void aMissingQueryParameterIsABadRequestNamingIt() {
        given().when().get("/api/plugins/hash/xxh64")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("query parameter 'key' is missing"));
    }

    @Test
    void anIllegalArgumentInsideTheServerIsAServerErrorNotTheClients() {
        given().when().get("/test/problems/illegal-argument")
                .then().statusCode(500)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(500))
                .body("title", equalTo("Internal server error"))
                .body("detail", allOf(containsString("not in the request"), containsString("error "),
                        not(containsString("index 7"))));
    }

    @Test
    void anyOtherFailureIsAServerError() {
        given().when().get("/test/problems/bug")
                .then().statusCode(500)
                .body("detail", allOf(containsString("the server failed while handling this request"),
                        not(containsString("corrupt"))));
    }
}
