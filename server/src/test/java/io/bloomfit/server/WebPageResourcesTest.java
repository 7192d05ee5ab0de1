package io.bloomfit.server;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

/**
 * The web page's files as the server serves them: the page and its assets, the repository's examples the spec form
 * offers (every file of {@code examples/}, no option without one), and nothing that would reach another host.
 */
@QuarkusTest
class WebPageResourcesTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final List<String> ASSETS = List.of("/", "/app.js", "/app.css", "/favicon.svg");
    /** An absolute URL; the one allowed is the SVG namespace, an identifier the browser never fetches. */
    private static final Pattern URL = Pattern.compile("(?:https?:)?//[A-Za-z0-9.-]+\\.[a-z]{2,}[^\\s'\"]*");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");

    @Test
    void thePageAndItsAssetsAreServed() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"app.js\"></script>"));
        given().when().get("/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/app.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/favicon.svg").then().statusCode(200);
    }

    @Test
    void theFormOffersEveryExampleOfTheRepositoryAsItIs() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertTrue(files.contains("quickstart"), "examples/ lists " + files);
        String page = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher options = OPTION.matcher(page.substring(page.indexOf("<select id=\"example\">"),
                page.indexOf("</select>", page.indexOf("<select id=\"example\">"))));
        List<String> offered = options.results().map(m -> m.group(1)).sorted().toList();
        assertEquals(files, offered, "the examples the form offers");
        for (String name : files) {
            String served = given().when().get("/examples/" + name + ".yaml").then().statusCode(200)
                    .extract().asString();
            assertEquals(Files.readString(EXAMPLES.resolve(name + ".yaml"), StandardCharsets.UTF_8), served, name);
        }
    }

    @Test
    void nothingOnThePageReachesAnotherHost() {
        for (String asset : ASSETS) {
            String text = given().when().get(asset).then().statusCode(200).extract().asString();
            List<String> urls = URL.matcher(text).results().map(MatchResult::group)
                    .filter(u -> !u.equals("http://www.w3.org/2000/svg")).toList();
            assertEquals(List.of(), urls, "absolute URLs in " + asset);
        }
    }
}
