package io.bloomfit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code server/target/quarkus-app/quarkus-run.jar}) running as its own process on a free
 * loopback port with a data directory of the test's, configured the way users configure it (system properties
 * for the Quarkus/SmallRye keys). Its output goes to {@code server.log} in the data directory's parent; a server
 * that does not come up fails the test with the log's tail.
 */
final class PackagedServer implements AutoCloseable {

    /** Where the surefire configuration says the packaged server is. */
    static final String JAR_PROPERTY = "bloomfit.it.serverJar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http;

    private PackagedServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Starts the server with its data in {@code work/data}, plus the given configuration ({@code key=value}, as
     * {@code -Dkey=value}), and waits until it answers HTTP.
     */
    static PackagedServer start(Path work, Map<String, String> config) throws IOException, InterruptedException {
        Path jar = jar();
        int port = freePort();
        Path data = Files.createDirectories(work.resolve("data"));
        Path log = work.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dbloomfit.server.data-dir=" + data));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PackagedServer server = new PackagedServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitUp();
        return server;
    }

    private static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = Path.of(configured != null ? configured : "../server/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged server is missing at " + jar.toAbsolutePath() + "; build it "
                    + "first: ./mvnw -B -ntp -pl server -am package -DskipTests");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting; "
                        + "its log ends with:\n" + logTail());
            }
            try {
                http.send(HttpRequest.newBuilder(uri("/q/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("the server did not answer within " + START_TIMEOUT + "; its log ends with:\n"
                + logTail());
    }

    /** The server's address, {@code http://127.0.0.1:PORT}. */
    URI base() {
        return base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** A client for requests to this server (HTTP/1.1, the way browsers and curl talk to it). */
    HttpClient http() {
        return http;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The last lines the server wrote, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
