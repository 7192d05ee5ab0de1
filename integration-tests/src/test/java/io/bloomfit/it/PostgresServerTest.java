package io.bloomfit.it;

import io.bloomfit.store.jdbc.LocalPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged server and CLI against PostgreSQL 15 (Testcontainers, the locally built image). */
class PostgresServerTest {

    private static LocalPostgres postgres;

    @TempDir
    Path work;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anExperimentKilledMidGridIsInterruptedKeepsItsPointsAndResumes() throws Exception {
        ServerRestart.killMidGridRestartAndResume(work, PackagedServer.env(work.resolve("data"),
                postgres.freshDatabaseUrl()));
    }

    @Test
    void aCliRunRecordedWithStoreIsListedByTheServer() throws Exception {
        String url = postgres.freshDatabaseUrl();
        Path spec = Files.writeString(work.resolve("cli-run.yaml"), ServerRestart.GRID.replace("name: restart",
                "name: from-the-cli").replace("ratio: [0.2, 0.4, 0.6]", "ratio: [0.5]"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", PackagedServer.app("cli").toString(), "run", spec.toString(), "--out",
                work.resolve("run").toString(), "--store", url, "-q"));
        Process cli = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cli.waitFor()).as(output).isZero();

        try (PackagedServer server = PackagedServer.start(work, PackagedServer.env(work.resolve("data"), url))) {
            JsonNode list = PackagedServer.json(server.get("/api/experiments"));
            assertThat(list.get("experiments")).singleElement().satisfies(e -> {
                assertThat(e.get("name").asText()).isEqualTo("from-the-cli");
                assertThat(e.get("status").asText()).isEqualTo("finished");
                assertThat(e.get("origin").asText()).startsWith("cli: ");
            });
            String id = list.get("experiments").get(0).get("id").asText();
            assertThat(PackagedServer.json(server.get("/api/experiments/" + id + "/results")).get("rows")).hasSize(4); // 2 points + 2 references
        }
    }
}
