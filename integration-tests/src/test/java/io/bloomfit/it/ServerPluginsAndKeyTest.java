package io.bloomfit.it;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.PluginJars;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server with an API key and a plugin directory: calls without the key get 401 (health does not need
 * it), and drop-in jars built at test time (DropInPluginTest's FNV-1a hash and modulo compressor) are listed by
 * {@code /api/plugins} and run in a submitted experiment.
 */
class ServerPluginsAndKeyTest {

    @TempDir
    Path work;

    @Test
    void dropInPluginsAreListedAndUsableAndTheApiKeyIsRequired() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.build(plugins.resolve("fnv-plugin.jar"), Map.of("org.example.fnv.Fnv1a",
                DropInPluginTest.FNV_SOURCE), HashFunction.class.getName(), "org.example.fnv.Fnv1a");
        PluginJars.build(plugins.resolve("modulo-plugin.jar"), Map.of("org.example.fnv.ModuloCompressor",
                DropInPluginTest.MODULO_SOURCE), EmbeddingCompressor.class.getName(), "org.example.fnv.ModuloCompressor");
        Map<String, String> env = PackagedServer.env(work.resolve("data"), null);
        env.put("BLOOMFIT_SERVER_API_KEY", "test-key-123");
        env.put("BLOOMFIT_PLUGINS_DIR", plugins.toString());

        try (PackagedServer server = PackagedServer.start(work, env)) {
            HttpClient anonymous = HttpClient.newHttpClient();
            HttpResponse<String> withoutKey = anonymous.send(HttpRequest.newBuilder(server.request("/api/experiments")
                    .build().uri()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutKey.statusCode()).isEqualTo(401);
            assertThat(withoutKey.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            HttpResponse<String> wrongKey = anonymous.send(HttpRequest.newBuilder(server.request("/api/plugins")
                    .build().uri()).header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrongKey.statusCode()).isEqualTo(401);
            URI health = server.request("/q/health").build().uri();
            assertThat(anonymous.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(server.get("/api/experiments").statusCode()).isEqualTo(200);
            // the web page's own files load without the key (a browser cannot send it when it opens the page); the
            // page then sends the key with every API call, and nothing else is served without it
            for (String file : java.util.List.of("/", "/app.js", "/examples/quickstart.yaml")) {
                assertThat(anonymous.send(HttpRequest.newBuilder(server.request(file).build().uri()).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(file).isEqualTo(200);
            }
            assertThat(anonymous.send(HttpRequest.newBuilder(server.request("/q/metrics").build().uri()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            JsonNode listed = PackagedServer.json(server.get("/api/plugins"));
            assertThat(listed.get("hashFunctions").findValuesAsText("name")).contains("fnv1a", "xxh64");
            assertThat(listed.get("compressors").findValuesAsText("name")).contains("modulo", "bloom");
            assertThat(listed.get("trainers").findValuesAsText("name")).contains("cpu", "djl");

            String spec = ServerRestart.GRID.replace("name: restart", "name: drop-ins")
                    .replace("compressor: [bloom], hash: [xxh64], ratio: [0.2, 0.4, 0.6]",
                            "compressor: [bloom, modulo], hash: [fnv1a], ratio: [0.5]")
                    .replace("users: 300, items: 400, interactions: 20000", "users: 60, items: 80, interactions: 1500");
            String id = server.submit(spec);
            JsonNode done = server.awaitEnd(id);
            assertThat(done.get("status").asText()).isEqualTo("finished");
            JsonNode rows = PackagedServer.json(server.get("/api/experiments/" + id + "/results")).get("rows");
            assertThat(rows.findValuesAsText("compressor")).contains("plain", "bloom", "modulo");
            assertThat(rows.findValuesAsText("status")).containsOnly("ok");
        }
    }
}
