package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** An upload over {@code bloomfit.server.max-body} (here 2000 bytes) gets 413, declared or streamed. */
@QuarkusTest
@TestProfile(DatasetUploadLimitTest.SmallBodies.class)
class DatasetUploadLimitTest {

    /** A 2000-byte upload limit. */
    public static final class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bloomfit.server.max-body", "2000");
        }
    }

    /** {@code lines} lines of the u.data layout, 20 bytes each. */
    private static byte[] ratings(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(1 + i % 9).append('\t').append(10 + i % 90).append("\t5\t881250949\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyUnderTheLimitIsStoredAndOneOverItIsTooLarge() {
        byte[] small = ratings(50);
        assertThat(small.length).isLessThan(2000);
        given().body(small).put("/api/datasets/under.data").then().statusCode(201);

        byte[] big = ratings(200);
        assertThat(big.length).isGreaterThan(2000);
        Response declared = given().body(big).put("/api/datasets/over.data");
        assertThat(declared.statusCode()).as(declared.asString()).isEqualTo(413);
        declared.then().contentType(containsString("application/problem+json"))
                .body("detail", containsString("over the limit of 2000 bytes"));

        // without a Content-Length the body is counted as it is read
        Response streamed = given().body(new ByteArrayInputStream(big)).put("/api/datasets/streamed.data");
        assertThat(streamed.statusCode()).as(streamed.asString()).isEqualTo(413);
        streamed.then().contentType(containsString("application/problem+json"));
        given().get("/api/datasets").then().statusCode(200).body("files.name", hasItem("under.data"))
                .body("files.name", not(hasItem("over.data"))).body("files.name", not(hasItem("streamed.data")));
    }
}
