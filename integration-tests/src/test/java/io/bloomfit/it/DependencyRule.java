package io.bloomfit.it;

/**
 * The module dependency rules of docs/architecture.md that {@link DependencyRules} checks on poms and module-infos,
 * and the rules on main sources that {@link SourceRules} checks. Module names are the
 * folders under the repository root; {@code engine-*} and {@code *-plugins} are patterns, so new engines and plugin
 * modules fall under the rules as soon as the root pom lists them. "Outside test scope" means compile, provided,
 * runtime or system scope, the pom's own or the one {@code dependencyManagement} gives it.
 */
enum DependencyRule {

    API_JDK_ONLY("api has no dependency outside test scope: plugins compile against it alone (provided scope), so "
            + "anything it pulls in would reach every plugin"),
    QUARKUS_ONLY_IN_APPS("only cli, server and integration-tests use Quarkus (an io.quarkus dependency, the Quarkus "
            + "BOM in dependencyManagement, or the Quarkus plugin): its managed versions must not reach the api, "
            + "plugins, engines or a Spark runner"),
    ENGINE_NOT_ON_EXPERIMENT("no engine (engine-*) depends on experiment outside test scope: experiment drives "
            + "engines through the Trainer SPI, never the other way"),
    PLUGIN_ONLY_ON_API("a plugin module (*-plugins) depends on no bloomfit module but api outside test scope "
            + "(third-party libraries such as hashing libraries are fine)"),
    CORE_ONLY_ON_API("core depends on api and the JDK only outside test scope: no other bloomfit module, no "
            + "third-party library"),
    EXPERIMENT_NOT_ON_ENGINES_OR_PLUGINS("experiment depends on no engine (engine-*) and no plugin module "
            + "(*-plugins) outside test scope: it finds them by name through the registries"),
    HOST_ONLY_ON_API("host depends on api and the JDK only outside test scope: it loads plugins that see only api, "
            + "so anything else it pulls in would be the application's, not the plugins'"),
    SPARK_RUNNER("spark depends outside test scope on no bloomfit module but api, core, experiment, the store "
            + "modules (store-*), the plugin modules and the engines (what its executors run), and on Apache Spark "
            + "(org.apache.spark) in provided scope only: the cluster brings Spark, and a bundled copy would clash "
            + "with it"),
    STORE_NOT_ON_ENGINES_PLUGINS_OR_APPS("a store module (store-*) depends on no engine (engine-*), no plugin module "
            + "(*-plugins) and neither cli nor server outside test scope: the CLI, the server and a Spark runner all "
            + "open stores, so a store sees only experiment, JDBC drivers and its own libraries"),
    SHIPPED_APPS_WITHOUT_JMH("cli and server, the applications users run, have no JMH (org.openjdk.jmh) on their run-time "
            + "class path: neither they nor a bloomfit module they reach through compile or runtime dependencies "
            + "depends on it in those scopes; the JMH harness stays in benchmarks, and the measuring code the CLI "
            + "uses lives in bench-train"),
    API_REQUIRES_NOTHING("api's module-info requires nothing but java.base"),
    CORE_REQUIRES_ONLY_API("core's module-info requires io.bloomfit.api and nothing else"),
    HOST_REQUIRES_ONLY_API("host's module-info requires io.bloomfit.api and nothing else"),
    REQUIRES_MATCH_POM("a module-info requires a bloomfit module only when its pom depends on that module's "
            + "artifact outside test scope"),
    API_NO_CLASS_LOADING_OR_STATE("api's main sources (comments and strings aside) name no ClassLoader, "
            + "URLClassLoader or ServiceLoader and declare no static field that is not final: finding and holding "
            + "plugins is the host's job, and state in the contract would be shared by every plugin and host"),
    NO_PACKAGE_CYCLES("within each module's main sources, the packages' dependencies (imports and fully qualified "
            + "names) form no cycle: each package can be read, tested and moved after the ones it uses");

    private final String text;

    DependencyRule(String text) {
        this.text = text;
    }

    /** What the rule asks, and why. */
    String text() {
        return text;
    }
}
