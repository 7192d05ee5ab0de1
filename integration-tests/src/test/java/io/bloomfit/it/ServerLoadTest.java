package io.bloomfit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server under load, on loopback: while one experiment trains, 50 clients poll its status and 20 experiments are
 * submitted against a queue of 5. No answer is a 5xx, every status call succeeds, the submissions the queue cannot
 * hold get 429 with {@code Retry-After}, and every accepted experiment finishes.
 *
 * <p>It also prints the p50/p99 latency of the status calls answered while the training ran, and of the same calls
 * on the idle server right after (3 s of polling the finished training); the numbers are a benchmark
 * (docs/benchmarks.md), not an assertion. A bigger training for that measurement:
 * {@code -Dbloomfit.it.load.interactions=N -Dbloomfit.it.load.epochs=E} (defaults: 100,000 and 2).
 */
class ServerLoadTest {

    private static final int QUEUE_SIZE = 5;
    private static final int POLLERS = 50;
    private static final int SUBMISSIONS = 20;
    /** Pause of each poller between its calls: 50 clients polling 10 times a second. */
    private static final long POLL_PAUSE_MS = 100;
    /** How long the clients poll the finished training on the idle server, for the idle numbers. */
    private static final Duration IDLE_POLLING = Duration.ofSeconds(3);
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The pollers' client: HTTP/1.1, so that concurrent calls use connections of their own, as separate clients do. */
    private static final HttpClient CLIENTS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path work;

    @Test
    void pollersAndSubmissionsAgainstAFullQueueWhileATrainingRuns() throws Exception {
        Map<String, String> env = PackagedServer.env(work.resolve("data"), null);
        env.put("BLOOMFIT_SERVER_QUEUE_SIZE", String.valueOf(QUEUE_SIZE));
        try (PackagedServer server = PackagedServer.start(work, env)) {
            ExecutorService pool = Executors.newFixedThreadPool(POLLERS + SUBMISSIONS);
            try {
                ConcurrentLinkedQueue<String> badPolls = new ConcurrentLinkedQueue<>();
                warmClientLibrary(server);
                String training = accepted(server.post("/api/experiments", "application/json", trainingSpec()));
                String started = server.await(training, e -> !"queued".equals(e.path("status").asText()),
                        RUNNING_TIMEOUT).path("status").asText();
                assertThat(started).as("the training after leaving the queue").isEqualTo("running");
                Latencies duringTraining = new Latencies();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> pollers = startPollers(pool, server, training, "running", FINISH_TIMEOUT, go,
                        duringTraining, badPolls);
                List<Future<HttpResponse<String>>> submissions = new ArrayList<>();
                for (int s = 0; s < SUBMISSIONS; s++) {
                    int seed = s;
                    Callable<HttpResponse<String>> submit = () -> {
                        go.await();
                        return server.post("/api/experiments", "application/json",
                                smallSpec("load-burst-" + seed, seed));
                    };
                    submissions.add(pool.submit(submit));
                }
                go.countDown();

                List<String> accepted = new ArrayList<>();
                int rejected = 0;
                for (Future<HttpResponse<String>> f : submissions) {
                    HttpResponse<String> response = f.get(60, TimeUnit.SECONDS);
                    assertThat(response.statusCode()).as("a submission's answer: " + response.body()).isIn(202, 429);
                    if (response.statusCode() == 202) {
                        accepted.add(accepted(response));
                    } else {
                        rejected++;
                        assertThat(response.headers().firstValue("Retry-After")).as("Retry-After of a 429").isPresent();
                        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                                .contains("application/problem+json");
                    }
                }
                assertThat(rejected).as("submissions the queue of " + QUEUE_SIZE + " could not hold")
                        .isGreaterThanOrEqualTo(SUBMISSIONS - QUEUE_SIZE);
                assertThat(accepted).as("submissions the queue took").isNotEmpty().hasSizeLessThanOrEqualTo(QUEUE_SIZE);

                for (Future<?> poller : pollers) {
                    poller.get(FINISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
                assertThat(badPolls).as("status calls that did not answer 200").isEmpty();
                assertThat(duringTraining.all()).as("status calls answered while the training ran").isNotEmpty();

                for (String id : concat(training, accepted)) {
                    assertThat(server.awaitEnd(id).path("status").asText()).as("experiment " + id)
                            .isEqualTo("finished");
                }
                Latencies whileIdle = idleLatencies(server, pool, training, badPolls);
                assertThat(badPolls).as("status calls on the idle server that did not answer 200").isEmpty();
                report("during training", duringTraining);
                report("idle server, after it", whileIdle);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The status calls of the clients polling finished experiment {@code idle} for a while on the idle server (after
     * the training, so that both phases see a warm JVM).
     */
    private static Latencies idleLatencies(PackagedServer server, ExecutorService pool, String idle,
                                                             ConcurrentLinkedQueue<String> bad) throws Exception {
        Latencies timed = new Latencies();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> pollers = startPollers(pool, server, idle, "finished", IDLE_POLLING, go, timed, bad);
        go.countDown();
        for (Future<?> poller : pollers) {
            poller.get(FINISH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return timed;
    }

    /**
     * {@value #POLLERS} clients polling experiment {@code id} from when {@code go} opens, for at most {@code
     * duration}: each times the calls that show the experiment {@code status} and stops at the first that shows
     * another; answers other than 200 go to {@code bad}.
     */
    private static List<Future<?>> startPollers(ExecutorService pool, PackagedServer server, String id, String status,
                                                Duration duration, CountDownLatch go, Latencies timed,
                                                ConcurrentLinkedQueue<String> bad) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> pollers = new ArrayList<>();
        for (int c = 0; c < POLLERS; c++) {
            pollers.add(pool.submit(() -> poll(server, id, status, duration, go, stop, timed, bad)));
        }
        return pollers;
    }

    private static Void poll(PackagedServer server, String id, String status, Duration duration, CountDownLatch go,
                             AtomicBoolean stop, Latencies timed, ConcurrentLinkedQueue<String> bad)
            throws InterruptedException {
        go.await();
        HttpRequest request = server.request("/api/experiments/" + id).header("Accept", "application/json").GET()
                .build();
        long deadline = System.nanoTime() + duration.toNanos();
        boolean first = true;
        while (!stop.get() && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = CLIENTS.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    bad.add(response.statusCode() + " " + response.body());
                } else if (status.equals(JSON.readTree(response.body()).path("status").asText())) {
                    timed.add(nanos, first);
                    first = false;
                } else {
                    stop.set(true);
                }
            } catch (IOException e) {
                bad.add(e.toString());
            }
            Thread.sleep(POLL_PAUSE_MS);
        }
        return null;
    }

    /**
     * A few untimed calls of the pollers' client from this thread, before any timing: the JDK's HTTP client loads and
     * compiles its HTTP/1.1 code on first use in this JVM, which is the test's cost, not the server's. Each poller
     * still opens its own connection on its first timed call.
     */
    private static void warmClientLibrary(PackagedServer server) throws IOException, InterruptedException {
        HttpRequest health = server.request("/q/health").GET().build();
        for (int i = 0; i < 20; i++) {
            CLIENTS.send(health, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String accepted(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("submission answered " + response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("queued");
        String id = body.path("id").asText();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/experiments/" + id));
        return id;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /**
     * Status-call latencies of one phase: every timed call, and those after each client's first (its first call
     * also opens its connection, and all clients start at once, beside the burst of submissions).
     */
    private record Latencies(ConcurrentLinkedQueue<Long> all, ConcurrentLinkedQueue<Long> afterFirst) {
        Latencies() {
            this(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        }

        void add(long nanos, boolean firstOfClient) {
            all.add(nanos);
            if (!firstOfClient) {
                afterFirst.add(nanos);
            }
        }
    }

    private static void report(String phase, Latencies latencies) {
        report(phase, latencies.all());
        report(phase + ", after each client's first call", latencies.afterFirst());
    }

    private static void report(String phase, ConcurrentLinkedQueue<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf("ServerLoadTest: %s: no status calls%n", phase);
            return;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("ServerLoadTest: %s: %d status calls by %d clients (pause %d ms): "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", phase, sorted.length, POLLERS, POLL_PAUSE_MS,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The experiment that trains while the load runs: one Bloom point and its baseline on synthetic data. */
    private static String trainingSpec() {
        int interactions = Integer.getInteger("bloomfit.it.load.interactions", 100_000);
        int epochs = Integer.getInteger("bloomfit.it.load.epochs", 2);
        return spec("load-training", interactions / 40, interactions / 60, interactions, epochs, 1);
    }

    /** A tiny experiment (a submission of the burst): finishes in well under a second. */
    private static String smallSpec(String name, long seed) {
        return spec(name, 60, 40, 900, 1, seed);
    }

    private static String spec(String name, int users, int items, int interactions, int epochs, long seed) {
        return """
                {"name": "%s",
                 "dataset": {"source": "synthetic", "users": %d, "items": %d, "interactions": %d},
                 "split": {"kind": "random", "test": 0.2, "seed": 42},
                 "model": {"kind": "implicit-factorization", "loss": "bpr", "dimension": 16, "epochs": %d,
                           "batchSize": 1024, "learningRate": 0.01, "optimizer": "sparse-adam", "seed": %d},
                 "trainer": {"name": "cpu"},
                 "grid": {"compressor": ["bloom"], "hash": ["xxh64"], "ratio": [0.3], "hashes": [2], "sides": ["both"]}}
                """.formatted(name, users, items, interactions, epochs, seed);
    }

    @Test
    void percentileIsTheNearestRank() {
        // nearest rank on 1..100: p50 is the 50th value, p99 the 99th; on {5, 1, 3} sorted {1, 3, 5}: p50 is 3
        long[] hundred = new long[100];
        Arrays.setAll(hundred, i -> i + 1);
        assertThat(percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(percentile(new long[] {1, 3, 5}, 0.50)).isEqualTo(3);
    }
}
