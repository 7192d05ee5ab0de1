package io.bloomfit.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule checker on small in-memory reactors: one that keeps every rule, then variants that break one rule each
 * in one module, which must be reported with that module, the offending dependency and that rule, and nothing else.
 */
class DependencyRulesTest {

    private static final String API = dep("io.bloomfit", "bloomfit-api", null);

    /** folder -> {pom, module-info or null}: a reactor shaped like the target layout that breaks no rule. */
    private static Map<String, String[]> clean() {
        Map<String, String[]> modules = new LinkedHashMap<>();
        modules.put("api", module(pom("bloomfit-api", deps(dep("org.junit.jupiter", "junit-jupiter", "test"))),
                "/** JDK only. */ module io.bloomfit.api { exports io.bloomfit.api.hash; }"));
        modules.put("core", module(pom("bloomfit-core", deps(API, dep("org.assertj", "assertj-core", "test"))),
                "module io.bloomfit.core { requires transitive io.bloomfit.api; }"));
        modules.put("host", module(pom("bloomfit-host", deps(API, dep("org.junit.jupiter", "junit-jupiter", "test"))),
                "module io.bloomfit.host { requires transitive io.bloomfit.api; uses io.bloomfit.api.hash.HashFunction; }"));
        modules.put("experiment", module(pom("bloomfit-experiment", deps(API, dep("io.bloomfit", "bloomfit-core", null),
                        dep("com.fasterxml.jackson.core", "jackson-databind", null),
                        dep("io.bloomfit", "bloomfit-embedding-plugins", "test"))),
                "module io.bloomfit.experiment { requires transitive io.bloomfit.core; }"));
        modules.put("store-jdbc", module(pom("bloomfit-store-jdbc", deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("com.h2database", "h2", null), dep("io.bloomfit", "bloomfit-engine-cpu", "test"))), null));
        modules.put("hash-plugins", module(pom("bloomfit-hash-plugins", deps(API, dep("com.google.guava", "guava", null))),
                "module io.bloomfit.hash { requires io.bloomfit.api; requires com.google.common; }"));
        modules.put("embedding-plugins", module(pom("bloomfit-embedding-plugins", deps(API,
                        dep("io.bloomfit", "bloomfit-hash-plugins", "test"))),
                "module io.bloomfit.embed {\n  requires io.bloomfit.api;\n  // requires io.bloomfit.hash; (tests only)\n}"));
        modules.put("engine-factorization", module(pom("bloomfit-engine-factorization", deps(API)),
                "module io.bloomfit.engine.factorization { requires io.bloomfit.api; }"));
        modules.put("engine-cpu", module(pom("bloomfit-engine-cpu", deps(API,
                        dep("io.bloomfit", "bloomfit-engine-factorization", null),
                        dep("io.bloomfit", "bloomfit-experiment", "test"))),
                "module io.bloomfit.engine.cpu { requires static io.bloomfit.engine.factorization; }"));
        modules.put("spark", module(pom("bloomfit-spark", deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-store-jdbc", "runtime"),
                dep("io.bloomfit", "bloomfit-engine-cpu", "runtime"), dep("io.bloomfit", "bloomfit-hash-plugins", "runtime"),
                dep("org.apache.spark", "spark-core_2.13", "provided"))), null));
        modules.put("cli", module(pom("bloomfit-cli", quarkusBom() + deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-engine-cpu", null), dep("io.quarkus", "quarkus-picocli", null))
                + "<build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId>"
                + "</plugin></plugins></build>"), null));
        return modules;
    }

    @Test
    void aReactorShapedLikeTheTargetLayoutKeepsEveryRule() {
        assertThat(DependencyRules.check(reactor(clean()))).isEmpty();
    }

    @Test
    void apiWithAnyDependencyOutsideTestScope() {
        Map<String, String[]> modules = clean();
        modules.put("api", module(pom("bloomfit-api", deps(dep("com.fasterxml.jackson.core", "jackson-databind", "provided"),
                dep("org.junit.jupiter", "junit-jupiter", "test"))), "module io.bloomfit.api { }"));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(new Violation("api",
                "com.fasterxml.jackson.core:jackson-databind (provided)", DependencyRule.API_JDK_ONLY));
    }

    @Test
    void aScopeLeftOutTakesTheOneDependencyManagementGives() {
        Map<String, String[]> modules = clean();
        modules.put("api", module(pom("bloomfit-api", deps(dep("org.assertj", "assertj-core", null))), modules.get("api")[1]));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(new Violation("api",
                "org.assertj:assertj-core (compile)", DependencyRule.API_JDK_ONLY));
        String managedAsTest = "<dependencyManagement>" + deps(dep("org.assertj", "assertj-core", "test"))
                + "</dependencyManagement>";
        assertThat(DependencyRules.check(reactor(rootPom(managedAsTest, modules), modules))).isEmpty();
    }

    @Test
    void quarkusOutsideTheAppsInAnyScopeOrAsBomOrPlugin() {
        Map<String, String[]> modules = clean();
        modules.put("core", module(pom("bloomfit-core", quarkusBom() + deps(API)), modules.get("core")[1]));
        modules.put("engine-cpu", module(pom("bloomfit-engine-cpu", deps(API,
                dep("io.bloomfit", "bloomfit-engine-factorization", null), dep("io.quarkus", "quarkus-junit5", "test"))),
                null));
        modules.put("hash-plugins", module(pom("bloomfit-hash-plugins", deps(API) + "<build><plugins><plugin>"
                + "<groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>"),
                modules.get("hash-plugins")[1]));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("core", "io.quarkus:quarkus-bom:pom (dependencyManagement import)", DependencyRule.QUARKUS_ONLY_IN_APPS),
                new Violation("hash-plugins", "build plugin io.quarkus:quarkus-maven-plugin", DependencyRule.QUARKUS_ONLY_IN_APPS),
                new Violation("engine-cpu", "io.quarkus:quarkus-junit5 (test)", DependencyRule.QUARKUS_ONLY_IN_APPS));
    }

    @Test
    void theQuarkusBomImportedByTheRootPom() {
        Map<String, String[]> modules = clean();

        assertThat(DependencyRules.check(reactor(rootPom(quarkusBom(), modules), modules))).containsExactly(
                new Violation(".", "io.quarkus:quarkus-bom:pom (dependencyManagement import)", DependencyRule.QUARKUS_ONLY_IN_APPS));
    }

    @Test
    void anEngineAddedLaterOnExperiment() {
        Map<String, String[]> modules = clean();
        modules.put("engine-sparse", module(pom("bloomfit-engine-sparse", deps(API,
                dep("io.bloomfit", "bloomfit-experiment", "runtime"))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(new Violation("engine-sparse",
                "io.bloomfit:bloomfit-experiment (runtime)", DependencyRule.ENGINE_NOT_ON_EXPERIMENT));
    }

    @Test
    void aPluginOnAnotherBloomfitModule() {
        Map<String, String[]> modules = clean();
        modules.put("embedding-plugins", module(pom("bloomfit-embedding-plugins", deps(API,
                dep("io.bloomfit", "bloomfit-hash-plugins", null), dep("com.google.guava", "guava", null))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(new Violation("embedding-plugins",
                "io.bloomfit:bloomfit-hash-plugins (compile)", DependencyRule.PLUGIN_ONLY_ON_API));
    }

    @Test
    void coreOnAnotherBloomfitModuleOrAThirdPartyLibrary() {
        Map<String, String[]> modules = clean();
        modules.put("core", module(pom("bloomfit-core", deps(API, dep("io.bloomfit", "bloomfit-hash-plugins", null),
                dep("com.google.guava", "guava", "runtime"))), modules.get("core")[1]));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("core", "io.bloomfit:bloomfit-hash-plugins (compile)", DependencyRule.CORE_ONLY_ON_API),
                new Violation("core", "com.google.guava:guava (runtime)", DependencyRule.CORE_ONLY_ON_API));
    }

    @Test
    void hostOnAnythingButApi() {
        Map<String, String[]> modules = clean();
        modules.put("host", module(pom("bloomfit-host", deps(API, dep("io.bloomfit", "bloomfit-core", null),
                dep("com.fasterxml.jackson.core", "jackson-databind", "runtime"))), modules.get("host")[1]));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("host", "io.bloomfit:bloomfit-core (compile)", DependencyRule.HOST_ONLY_ON_API),
                new Violation("host", "com.fasterxml.jackson.core:jackson-databind (runtime)",
                        DependencyRule.HOST_ONLY_ON_API));
    }

    @Test
    void hostRequiringMoreThanApi() {
        Map<String, String[]> modules = clean();
        modules.put("host", module(modules.get("host")[0],
                "module io.bloomfit.host { requires transitive io.bloomfit.api; requires java.sql; }"));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("host", "requires java.sql", DependencyRule.HOST_REQUIRES_ONLY_API));
    }

    @Test
    void experimentOnAnEngineOrAPlugin() {
        Map<String, String[]> modules = clean();
        modules.put("experiment", module(pom("bloomfit-experiment", deps(API, dep("io.bloomfit", "bloomfit-core", null),
                dep("io.bloomfit", "bloomfit-engine-cpu", "runtime"),
                dep("io.bloomfit", "bloomfit-embedding-plugins", null))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("experiment", "io.bloomfit:bloomfit-engine-cpu (runtime)",
                        DependencyRule.EXPERIMENT_NOT_ON_ENGINES_OR_PLUGINS),
                new Violation("experiment", "io.bloomfit:bloomfit-embedding-plugins (compile)",
                        DependencyRule.EXPERIMENT_NOT_ON_ENGINES_OR_PLUGINS));
    }

    @Test
    void sparkOnAnApplicationOrWithSparkBundled() {
        Map<String, String[]> modules = clean();
        modules.put("spark", module(pom("bloomfit-spark", deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-cli", "runtime"), dep("org.apache.spark", "spark-core_2.13", null))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("spark", "io.bloomfit:bloomfit-cli (runtime)", DependencyRule.SPARK_RUNNER),
                new Violation("spark", "org.apache.spark:spark-core_2.13 (compile)", DependencyRule.SPARK_RUNNER));
    }

    @Test
    void aStoreOnAnEngineOrAnApp() {
        Map<String, String[]> modules = clean();
        modules.put("store-jdbc", module(pom("bloomfit-store-jdbc", deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-engine-cpu", "runtime"), dep("io.bloomfit", "bloomfit-server", null))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("store-jdbc", "io.bloomfit:bloomfit-engine-cpu (runtime)",
                        DependencyRule.STORE_NOT_ON_ENGINES_PLUGINS_OR_APPS),
                new Violation("store-jdbc", "io.bloomfit:bloomfit-server (compile)",
                        DependencyRule.STORE_NOT_ON_ENGINES_PLUGINS_OR_APPS));
    }

    @Test
    void aDependencyInAProfileCounts() {
        Map<String, String[]> modules = clean();
        modules.put("core", module(pom("bloomfit-core", deps(API) + "<profiles><profile><id>fast</id>"
                + deps(dep("${project.groupId}", "bloomfit-experiment", null)) + "</profile></profiles>"), modules.get("core")[1]));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(new Violation("core",
                "io.bloomfit:bloomfit-experiment (compile)", DependencyRule.CORE_ONLY_ON_API));
    }

    @Test
    void apiRequiringAnything() {
        Map<String, String[]> modules = clean();
        modules.put("api", module(modules.get("api")[0], "module io.bloomfit.api { requires java.base; requires java.logging; }"));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("api", "requires java.logging", DependencyRule.API_REQUIRES_NOTHING));
    }

    @Test
    void coreRequiringMoreThanApi() {
        Map<String, String[]> modules = clean();
        modules.put("core", module(modules.get("core")[0],
                "module io.bloomfit.core { requires transitive io.bloomfit.api; requires java.net.http; }"));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("core", "requires java.net.http", DependencyRule.CORE_REQUIRES_ONLY_API));
    }

    @Test
    void aModuleInfoRequiringABloomfitModuleItsPomDoesNotDependOnOutsideTests() {
        Map<String, String[]> modules = clean();
        modules.put("engine-cpu", module(pom("bloomfit-engine-cpu", deps(API,
                dep("io.bloomfit", "bloomfit-engine-factorization", "test"))),
                "module io.bloomfit.engine.cpu { requires io.bloomfit.engine.factorization; requires io.bloomfit.spark; }"));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("engine-cpu", "requires io.bloomfit.engine.factorization (declared by engine-factorization, "
                        + "artifact bloomfit-engine-factorization)", DependencyRule.REQUIRES_MATCH_POM),
                new Violation("engine-cpu", "requires io.bloomfit.spark (declared by no module of the reactor)",
                        DependencyRule.REQUIRES_MATCH_POM));
    }

    @Test
    void jmhOnAShippedAppsRunTimeClassPathDirectlyOrThroughAnotherModule() {
        Map<String, String[]> modules = clean();
        String jmh = dep("org.openjdk.jmh", "jmh-core", null);
        modules.put("benchmarks", module(pom("bloomfit-benchmarks", deps(API, dep("io.bloomfit", "bloomfit-bench-train", null),
                jmh, dep("org.openjdk.jmh", "jmh-generator-annprocess", "provided"))), null));
        modules.put("bench-train", module(pom("bloomfit-bench-train", deps(API, dep("io.bloomfit", "bloomfit-core", null))), null));
        modules.put("server", module(pom("bloomfit-server", quarkusBom() + deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-benchmarks", "test"), dep("org.openjdk.jmh", "jmh-core", "runtime"))), null));
        modules.put("cli", module(pom("bloomfit-cli", quarkusBom() + deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-benchmarks", null))), null));

        assertThat(DependencyRules.check(reactor(modules))).containsExactly(
                new Violation("cli", "org.openjdk.jmh:jmh-core (compile) through benchmarks",
                        DependencyRule.SHIPPED_APPS_WITHOUT_JMH),
                new Violation("server", "org.openjdk.jmh:jmh-core (runtime)", DependencyRule.SHIPPED_APPS_WITHOUT_JMH));

        // the measuring code without the harness, and the harness in test scope only: nothing to report
        modules.put("server", module(pom("bloomfit-server", quarkusBom() + deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-benchmarks", "test"))), null));
        modules.put("cli", module(pom("bloomfit-cli", quarkusBom() + deps(dep("io.bloomfit", "bloomfit-experiment", null),
                dep("io.bloomfit", "bloomfit-bench-train", null))), null));
        assertThat(DependencyRules.check(reactor(modules))).isEmpty();
    }

    @Test
    void aViolationNamesTheModuleTheDependencyAndTheRule() {
        Violation violation = new Violation("engine-cpu", "io.bloomfit:bloomfit-experiment (compile)",
                DependencyRule.ENGINE_NOT_ON_EXPERIMENT);

        assertThat(violation.toString()).startsWith("module 'engine-cpu': io.bloomfit:bloomfit-experiment (compile) "
                + "breaks ENGINE_NOT_ON_EXPERIMENT: no engine (engine-*) depends on experiment outside test scope");
    }

    @Test
    void unreadableInputsNameTheirFile() {
        assertThatThrownBy(() -> PomReader.read("engine-cpu", "<project><dependencies></project>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("engine-cpu/pom.xml is not a readable pom");
        assertThatThrownBy(() -> PomReader.read("engine-cpu", "<project/>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("engine-cpu/pom.xml has no <artifactId>");
        assertThatThrownBy(() -> ModuleInfo.parse("core/src/main/java/module-info.java", "// module io.bloomfit.core {"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("core/src/main/java/module-info.java");
    }

    private static Reactor reactor(Map<String, String[]> modules) {
        return reactor(rootPom("", modules), modules);
    }

    private static Reactor reactor(String rootPom, Map<String, String[]> modules) {
        List<ModulePom> read = new ArrayList<>();
        for (String folder : PomReader.modules(rootPom)) {
            String[] files = modules.get(folder);
            ModulePom pom = PomReader.read(folder, files[0]);
            read.add(Optional.ofNullable(files[1]).map(info -> pom.withModuleInfo(ModuleInfo.parse(folder, info))).orElse(pom));
        }
        return new Reactor(PomReader.read(".", rootPom), read);
    }

    private static String rootPom(String body, Map<String, String[]> modules) {
        StringBuilder list = new StringBuilder("<modules>");
        modules.keySet().forEach(folder -> list.append("<module>").append(folder).append("</module>"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<groupId>io.bloomfit</groupId><artifactId>bloomfit-parent</artifactId><packaging>pom</packaging>"
                + list + "</modules>" + body + "</project>";
    }

    private static String[] module(String pom, String moduleInfo) {
        return new String[] {pom, moduleInfo};
    }

    private static String pom(String artifactId, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>io.bloomfit</groupId><artifactId>bloomfit-parent</artifactId></parent>
                  <artifactId>%s</artifactId>
                  %s
                </project>
                """.formatted(artifactId, body);
    }

    private static String quarkusBom() {
        return "<dependencyManagement><dependencies><dependency><groupId>io.quarkus</groupId>"
                + "<artifactId>quarkus-bom</artifactId><version>3.33.2</version><type>pom</type><scope>import</scope>"
                + "</dependency></dependencies></dependencyManagement>";
    }

    private static String deps(String... dependencies) {
        return "<dependencies>" + String.join("", dependencies) + "</dependencies>";
    }

    private static String dep(String groupId, String artifactId, String scope) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId>"
                + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }
}
