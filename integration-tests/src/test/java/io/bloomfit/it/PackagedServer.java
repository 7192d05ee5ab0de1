package io.bloomfit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The packaged server ({@code server/target/quarkus-app/quarkus-run.jar}) in a JVM of its own, configured through
 * environment variables as a user would (QUARKUS_HTTP_PORT, BLOOMFIT_SERVER_DATA_DIR, BLOOMFIT_STORE_URL, ...), and
 * a small HTTP client for it. {@link #kill()} is {@code kill -9}.
 */
final class PackagedServer implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PackagedServer(Process process, int port, Path log, String apiKey) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.apiKey = apiKey;
    }

    /** The packaged app of {@code module} ({@code server} or {@code cli}), or a failure saying how to build it. */
    static Path app(String module) {
        Path jar = Reactor.findRoot(Path.of("")).resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run the packaged app; build it with "
                    + "./mvnw -pl " + module + " -am package -DskipTests (./mvnw verify does it before this module)");
        }
        return jar;
    }

    /** Starts the server with {@code env} (added to this process's environment) and waits until it is ready. */
    static PackagedServer start(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile(workDir, "server-", ".log");
        ProcessBuilder pb = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
                app("server").toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.putAll(env);
        PackagedServer server = new PackagedServer(pb.start(), port, log, env.get("BLOOMFIT_SERVER_API_KEY"));
        server.awaitReady();
        return server;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitReady() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not ready within " + START + ":\n" + log());
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Submits a YAML spec; returns the experiment id. */
    String submit(String yaml) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/experiments", "application/yaml", yaml);
        if (r.statusCode() != 202) {
            throw new AssertionError("submit answered " + r.statusCode() + ": " + r.body());
        }
        return json(r).get("id").asText();
    }

    /** Polls the experiment until {@code done} holds for its view. */
    JsonNode await(String id, Predicate<JsonNode> done, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode e = null;
        while (Instant.now().isBefore(deadline)) {
            e = json(get("/api/experiments/" + id));
            if (done.test(e)) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("experiment " + id + " did not get there within " + timeout + "; last: " + e
                + "\nserver log:\n" + log());
    }

    /** Awaits an end state ({@code finished | failed | cancelled | interrupted}). */
    JsonNode awaitEnd(String id) throws IOException, InterruptedException {
        return await(id, e -> !List.of("queued", "running").contains(e.get("status").asText()),
                Duration.ofMinutes(4));
    }

    /** {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Environment for a server with its data in {@code dataDir} and, if given, the store {@code storeUrl}. */
    static Map<String, String> env(Path dataDir, String storeUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("BLOOMFIT_SERVER_DATA_DIR", dataDir.toString());
        if (storeUrl != null) {
            env.put("BLOOMFIT_STORE_URL", storeUrl);
        }
        return env;
    }
}
