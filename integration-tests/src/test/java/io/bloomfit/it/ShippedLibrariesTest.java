package io.bloomfit.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libraries the packaged applications ship ({@code target/quarkus-app/lib}): no JMH jar, whatever a dependency
 * outside the reactor might pull in (the poms' side is {@link DependencyRule#SHIPPED_APPS_WITHOUT_JMH}).
 */
class ShippedLibrariesTest {

    @ParameterizedTest
    @ValueSource(strings = {"cli", "server"})
    void aPackagedAppShipsNoJmh(String app) throws IOException {
        Path lib = PackagedServer.app(app).resolveSibling("lib");
        List<String> jars;
        try (Stream<Path> files = Files.walk(lib)) {
            jars = files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }

        assertThat(jars).as("jars in %s", lib).anyMatch(name -> name.contains("bloomfit-experiment"))
                .noneMatch(name -> name.contains("jmh"));
    }
}
