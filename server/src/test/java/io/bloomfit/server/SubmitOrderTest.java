package io.bloomfit.server;

import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.host.Plugins;
import io.bloomfit.store.jdbc.ExperimentDatabase;
import io.bloomfit.store.jdbc.ExperimentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full queue is refused before the spec is read: an invalid spec gets 429 while the queue is full and 400 once
 * there is room. The service's worker is not started here, so queued experiments stay queued.
 */
class SubmitOrderTest {

    @TempDir
    Path dir;

    private ExperimentDatabase database;
    private ExperimentService service;

    /** Settings with queue size 1 (every other setting its documented default). */
    private ServerSettings settings(int queueSize) {
        Map<String, Object> values = Map.of("dataDir", dir.toString(), "apiKey", Optional.empty(),
                "queueSize", queueSize, "maxBody", 67108864L, "maxSpecBody", 1048576L, "retryAfterSeconds", 30,
                "trainingNice", 0);
        return (ServerSettings) Proxy.newProxyInstance(ServerSettings.class.getClassLoader(),
                new Class<?>[] {ServerSettings.class}, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException("setting " + method.getName() + " not set in test");
                    }
                    return values.get(method.getName());
                });
    }

    @BeforeEach
    void open() {
        database = ExperimentDatabase.open(dir.toString());
        ServerSettings settings = settings(1);
        DataDirectory data = new DataDirectory(settings);
        service = new ExperimentService(database, new SubmittedSpecs(data), settings,
                new ServerMetrics(new SimpleMeterRegistry()), data, Plugins.shared());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anInvalidSpecGets400WithRoomAnd429WhenTheQueueIsFull() {
        String invalid = "{\"name\": \"bad\", \"grid\": {\"hash\": [\"no-such-hash\"]}}";
        assertThatThrownBy(() -> service.submit(invalid, true)).isInstanceOf(SpecException.class)
                .hasMessageContaining("no-such-hash");

        var queued = service.submit(ExperimentsResourceTest.TINY_YAML, false);
        assertThat(queued.status()).isEqualTo(ExperimentStatus.QUEUED);
        assertThat(service.queued()).isEqualTo(1);

        assertThatThrownBy(() -> service.submit(invalid, true)).isInstanceOf(QueueFullException.class);
        assertThatThrownBy(() -> service.submit(ExperimentsResourceTest.TINY_YAML, false))
                .isInstanceOf(QueueFullException.class);
        assertThat(database.count()).as("refused submissions store nothing").isEqualTo(1);
    }
}
