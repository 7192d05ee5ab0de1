package io.bloomfit.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module dependency rules of docs/architecture.md ({@link DependencyRule}), checked on the poms, main
 * module-infos and main sources of this checkout: every module the root pom lists, including engines and plugin
 * modules added later.
 */
class ArchitectureRulesTest {

    @Test
    void everyModuleKeepsTheDependencyRules() throws IOException {
        Reactor reactor = Reactor.load(Reactor.findRoot(Path.of("")));

        // the check must have something to check: a reader that found nothing would pass every rule
        assertThat(reactor.modules()).extracting(ModulePom::folder)
                .contains("api", "core", "experiment", "hash-plugins", "embedding-plugins", "cli", "server",
                        "integration-tests");
        assertThat(reactor.modules()).filteredOn(m -> m.folder().equals("api") || m.folder().equals("core"))
                .allSatisfy(m -> assertThat(m.moduleInfo()).as("%s/src/main/java/module-info.java", m.folder()).isPresent());
        assertThat(reactor.modules()).filteredOn(m -> m.folder().equals("core")).singleElement()
                .satisfies(core -> assertThat(core.dependencies()).extracting(PomDependency::artifactId).contains("bloomfit-api"));

        List<Violation> violations = new java.util.ArrayList<>(DependencyRules.check(reactor));
        Map<String, List<SourceRules.SourceFile>> sources = SourceRules.load(Reactor.findRoot(Path.of("")), reactor);
        assertThat(sources.get("api")).as("api's main sources").hasSizeGreaterThan(10);
        assertThat(sources.get("experiment")).as("experiment's main sources").hasSizeGreaterThan(10);
        violations.addAll(SourceRules.check(sources));
        assertThat(violations).as("dependency rule violations:%n%s", violations.stream().map(Violation::toString)
                .collect(Collectors.joining(System.lineSeparator()))).isEmpty();
    }
}
