package io.bloomfit.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart scenario shared by the H2 and PostgreSQL tests: an experiment is killed ({@code kill -9}) in the middle
 * of its grid, the server starts again, the experiment is {@code interrupted} with its finished points kept, and
 * {@code resume} runs the rest. The experiment keeps its models ({@code keepModels: true}): after the resume every
 * fitted point has one, whichever process fitted it.
 */
final class ServerRestart {

    /**
     * Four points (the plain baseline and Bloom at three ratios) on small synthetic data with the pure-Java trainer:
     * long enough to be killed after the first point, short enough for CI.
     */
    static final String GRID = """
            name: restart
            dataset: {source: synthetic, users: 300, items: 400, interactions: 20000}
            split: {kind: random, test: 0.2, seed: 5}
            model: {kind: implicit-factorization, loss: bpr, dimension: 16, epochs: 2, batchSize: 256, optimizer: sparse-adam, seed: 1}
            trainer: {name: cpu}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.2, 0.4, 0.6], hashes: [2], sides: [both]}
            """;

    private ServerRestart() {
    }

    private static String pointOf(JsonNode row) {
        return row.get("compressor").asText() + " " + row.get("ratio").asText() + " #" + row.get("repeat").asText();
    }

    static void killMidGridRestartAndResume(Path work, Map<String, String> env) throws Exception {
        String id;
        int finishedBeforeKill;
        try (PackagedServer first = PackagedServer.start(work, env)) {
            id = first.submit("keepModels: true\n" + GRID);
            JsonNode running = first.await(id, e -> e.get("points").get("finished").asInt() >= 1,
                    Duration.ofMinutes(4));
            first.kill();
            finishedBeforeKill = running.get("points").get("finished").asInt();
            assertThat(running.get("status").asText()).as("killed in the middle of the grid").isEqualTo("running");
        }
        try (PackagedServer second = PackagedServer.start(work, env)) {
            JsonNode after = PackagedServer.json(second.get("/api/experiments/" + id));
            assertThat(after.get("status").asText()).isEqualTo("interrupted");
            int kept = after.get("points").get("finished").asInt();
            // plain + bloom at 3 ratios + the popularity and random reference rows
            int total = 6;
            assertThat(kept).isGreaterThanOrEqualTo(finishedBeforeKill).isLessThan(total);
            JsonNode rows = PackagedServer.json(second.get("/api/experiments/" + id + "/results")).get("rows");
            assertThat(rows).hasSize(kept);

            assertThat(second.post("/api/experiments/" + id + "/resume", "application/json", "").statusCode())
                    .isEqualTo(202);
            JsonNode done = second.awaitEnd(id);
            assertThat(done.get("status").asText()).as(second.log()).isEqualTo("finished");
            assertThat(done.get("points").get("total").asInt()).isEqualTo(total);
            assertThat(done.get("points").get("finished").asInt()).isEqualTo(total);
            JsonNode all = PackagedServer.json(second.get("/api/experiments/" + id + "/results")).get("rows");
            assertThat(all).hasSize(total);
            java.util.Map<String, JsonNode> resumed = new java.util.HashMap<>();
            all.forEach(r -> resumed.put(pointOf(r), r));
            for (JsonNode before : rows) {
                JsonNode now = resumed.get(pointOf(before));
                assertThat(now).as(pointOf(before)).isNotNull();
                if (!before.get("compressor").asText().equals("plain")) {
                    // the points finished before the kill are the same rows, not recomputed (plain alone is timed
                    // again in the new process, so that speedups compare timings of one process)
                    assertThat(now.get("finished_at")).isEqualTo(before.get("finished_at"));
                }
            }
            // every fitted point kept its model, those of either process; one of them recommends
            assertThat(PackagedServer.json(second.get("/api/experiments/" + id)).get("models").toString())
                    .isEqualTo("[\"bloom-xxh64-r0.2-k2-both-0\",\"bloom-xxh64-r0.4-k2-both-0\","
                            + "\"bloom-xxh64-r0.6-k2-both-0\",\"plain-0\"]");
            HttpResponse<String> top = second.get("/api/experiments/" + id
                    + "/points/bloom-xxh64-r0.2-k2-both-0/recommendations?user=7&k=3");
            assertThat(top.statusCode()).as(top.body()).isEqualTo(200);
            assertThat(PackagedServer.json(top).get("items")).hasSize(3);
        }
    }
}
