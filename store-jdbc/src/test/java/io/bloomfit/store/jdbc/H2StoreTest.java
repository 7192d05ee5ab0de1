package io.bloomfit.store.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract on the embedded H2 default, in a data directory, plus what only a file database shows. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    String freshUri() {
        return dir.resolve("data").toString();
    }

    @Test
    void aDataDirectoryHoldsTheEmbeddedDatabaseWhichSurvivesReopening() {
        ExperimentRecord e = db.create("kept", "api", "{}");
        db.close();
        assertThat(Files.isRegularFile(dir.resolve("data").resolve("bloomfit.mv.db"))).isTrue();

        db = ExperimentDatabase.open(freshUri()); // migrations already applied: nothing to do
        assertThat(db.find(e.id())).isPresent();
    }

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        assertThat(ExperimentDatabase.jdbcUrl("jdbc:postgresql://db:5432/bloomfit?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/bloomfit?user=u&password=secret");
        assertThat(ExperimentDatabase.jdbcUrl("/srv/data")).isEqualTo("jdbc:h2:file:/srv/data/bloomfit;WRITE_DELAY=0");
        assertThat(ExperimentDatabase.jdbcUrl("jdbc:h2:file:/x/db;write_delay=100"))
                .isEqualTo("jdbc:h2:file:/x/db;write_delay=100");
        assertThat(ExperimentDatabase.redact("jdbc:postgresql://db/b?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db/b?user=u&password=***");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> ExperimentDatabase.open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none?user=u&password=***")
                .hasMessageNotContaining("secret")
                .hasMessageContaining("check host, port");
    }
}
