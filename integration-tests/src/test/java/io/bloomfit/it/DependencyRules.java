package io.bloomfit.it;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a {@link Reactor} against every {@link DependencyRule}. Pure: it reads only the parsed poms and
 * module-infos it is given, so its own test can feed it small in-memory poms that break one rule each.
 */
final class DependencyRules {

    /** The application modules: the only ones that may use Quarkus. */
    static final Set<String> QUARKUS_APPS = Set.of("cli", "server", "integration-tests");

    /** The applications users run: no benchmark harness on their run-time class path. */
    static final Set<String> SHIPPED_APPS = Set.of("cli", "server");

    /** JMH's group: the benchmark harness. */
    static final String JMH_GROUP = "org.openjdk.jmh";

    /** The bloomfit modules the Spark runner may use besides stores, engines and plugins. */
    static final Set<String> SPARK_MAY_USE = Set.of("api", "core", "experiment");

    private final Reactor reactor;
    private final Map<String, String> folderByArtifact = new HashMap<>();
    private final Map<String, ModulePom> byModuleName = new HashMap<>();
    private final Map<String, ModulePom> byFolder = new HashMap<>();

    private DependencyRules(Reactor reactor) {
        this.reactor = reactor;
        for (ModulePom module : reactor.modules()) {
            folderByArtifact.put(module.artifactId(), module.folder());
            byFolder.put(module.folder(), module);
            module.moduleInfo().ifPresent(info -> byModuleName.put(info.name(), module));
        }
    }

    /** Every violation in {@code reactor}, module by module in the root pom's order; empty when all rules hold. */
    static List<Violation> check(Reactor reactor) {
        return new DependencyRules(reactor).check();
    }

    static boolean isEngine(String folder) {
        return folder.startsWith("engine-");
    }

    static boolean isPlugin(String folder) {
        return folder.endsWith("-plugins");
    }

    static boolean isStore(String folder) {
        return folder.startsWith("store-");
    }

    private List<Violation> check() {
        List<Violation> found = new ArrayList<>();
        ModulePom root = reactor.root();
        // the root's <dependencies> are inherited, and so checked, by every module
        checkQuarkus(root, List.of(), found);
        for (ModulePom module : reactor.modules()) {
            checkPom(module, found);
            if (SHIPPED_APPS.contains(module.folder())) {
                checkNoJmhAtRunTime(module, found);
            }
            module.moduleInfo().ifPresent(info -> checkModuleInfo(module, info, found));
        }
        return found;
    }

    private void checkPom(ModulePom module, List<Violation> found) {
        String folder = module.folder();
        List<PomDependency> dependencies = withInherited(module);
        checkQuarkus(module, dependencies, found);
        for (PomDependency d : dependencies) {
            if ("test".equals(scope(module, d))) {
                continue;
            }
            Optional<String> target = bloomfitFolder(d);
            boolean onApi = target.filter("api"::equals).isPresent();
            Optional<DependencyRule> broken = Optional.empty();
            if ("api".equals(folder)) {
                broken = Optional.of(DependencyRule.API_JDK_ONLY);
            } else if ("core".equals(folder) && !onApi) {
                broken = Optional.of(DependencyRule.CORE_ONLY_ON_API);
            } else if ("host".equals(folder) && !onApi) {
                broken = Optional.of(DependencyRule.HOST_ONLY_ON_API);
            } else if (isPlugin(folder) && target.isPresent() && !onApi) {
                broken = Optional.of(DependencyRule.PLUGIN_ONLY_ON_API);
            } else if (isEngine(folder) && target.filter("experiment"::equals).isPresent()) {
                broken = Optional.of(DependencyRule.ENGINE_NOT_ON_EXPERIMENT);
            } else if ("experiment".equals(folder) && target.filter(t -> isEngine(t) || isPlugin(t)).isPresent()) {
                broken = Optional.of(DependencyRule.EXPERIMENT_NOT_ON_ENGINES_OR_PLUGINS);
            } else if ("spark".equals(folder) && (target.filter(t -> !SPARK_MAY_USE.contains(t) && !isEngine(t)
                    && !isPlugin(t) && !isStore(t)).isPresent()
                    || "org.apache.spark".equals(d.groupId()) && !"provided".equals(scope(module, d)))) {
                broken = Optional.of(DependencyRule.SPARK_RUNNER);
            } else if (isStore(folder) && target.filter(t -> isEngine(t) || isPlugin(t) || t.equals("cli")
                    || t.equals("server")).isPresent()) {
                broken = Optional.of(DependencyRule.STORE_NOT_ON_ENGINES_PLUGINS_OR_APPS);
            }
            broken.ifPresent(rule -> found.add(new Violation(folder, describe(module, d), rule)));
        }
    }

    /**
     * JMH anywhere on {@code app}'s run-time class path as the poms give it: {@code app}'s compile and runtime
     * dependencies, and theirs (those scopes are the transitive ones) through every bloomfit module they reach.
     */
    private void checkNoJmhAtRunTime(ModulePom app, List<Violation> found) {
        Deque<ModulePom> todo = new ArrayDeque<>(List.of(app));
        Set<String> reached = new HashSet<>(Set.of(app.folder()));
        while (!todo.isEmpty()) {
            ModulePom module = todo.poll();
            for (PomDependency d : withInherited(module)) {
                String scope = scope(module, d);
                if (!"compile".equals(scope) && !"runtime".equals(scope)) {
                    continue;
                }
                if (JMH_GROUP.equals(d.groupId())) {
                    found.add(new Violation(app.folder(), describe(module, d) + (module == app ? ""
                            : " through " + module.folder()), DependencyRule.SHIPPED_APPS_WITHOUT_JMH));
                }
                bloomfitFolder(d).map(byFolder::get).filter(next -> reached.add(next.folder())).ifPresent(todo::add);
            }
        }
    }

    /** {@code module}'s {@code <dependencies>} after the root pom's, which a child inherits. */
    private List<PomDependency> withInherited(ModulePom module) {
        return Stream.concat(reactor.root().dependencies().stream(), module.dependencies().stream()).toList();
    }

    private void checkQuarkus(ModulePom module, List<PomDependency> dependencies, List<Violation> found) {
        if (QUARKUS_APPS.contains(module.folder())) {
            return;
        }
        for (PomDependency d : dependencies) {
            if (d.isQuarkus()) {
                found.add(new Violation(module.folder(), describe(module, d), DependencyRule.QUARKUS_ONLY_IN_APPS));
            }
        }
        for (PomDependency d : module.managed()) {
            if (d.isQuarkus()) {
                found.add(new Violation(module.folder(), d.coordinates() + " (dependencyManagement"
                        + ("import".equals(d.scope()) ? " import" : "") + ")", DependencyRule.QUARKUS_ONLY_IN_APPS));
            }
        }
        for (PomDependency d : module.plugins()) {
            if (d.isQuarkus()) {
                found.add(new Violation(module.folder(), "build plugin " + d.groupId() + ":" + d.artifactId(),
                        DependencyRule.QUARKUS_ONLY_IN_APPS));
            }
        }
    }

    private void checkModuleInfo(ModulePom module, ModuleInfo info, List<Violation> found) {
        String folder = module.folder();
        for (String required : info.requires()) {
            if ("api".equals(folder)) {
                found.add(new Violation(folder, "requires " + required, DependencyRule.API_REQUIRES_NOTHING));
            } else if ("core".equals(folder) && !"io.bloomfit.api".equals(required)) {
                found.add(new Violation(folder, "requires " + required, DependencyRule.CORE_REQUIRES_ONLY_API));
            } else if ("host".equals(folder) && !"io.bloomfit.api".equals(required)) {
                found.add(new Violation(folder, "requires " + required, DependencyRule.HOST_REQUIRES_ONLY_API));
            }
            if (required.startsWith("io.bloomfit.") && !pomDependsOn(module, byModuleName.get(required))) {
                String declaredBy = Optional.ofNullable(byModuleName.get(required))
                        .map(m -> " (declared by " + m.folder() + ", artifact " + m.artifactId() + ")")
                        .orElse(" (declared by no module of the reactor)");
                found.add(new Violation(folder, "requires " + required + declaredBy, DependencyRule.REQUIRES_MATCH_POM));
            }
        }
    }

    private boolean pomDependsOn(ModulePom module, ModulePom target) {
        return target != null && module.dependencies().stream().anyMatch(d -> d.isBloomfit()
                && d.artifactId().equals(target.artifactId()) && !"test".equals(scope(module, d)));
    }

    /** The reactor folder of a bloomfit artifact ({@code bloomfit-engine-cpu} without a module: {@code engine-cpu}). */
    private Optional<String> bloomfitFolder(PomDependency d) {
        if (!d.isBloomfit()) {
            return Optional.empty();
        }
        return Optional.of(folderByArtifact.getOrDefault(d.artifactId(), d.artifactId().replaceFirst("^bloomfit-", "")));
    }

    /** The effective scope: the pom's, else the module's or the root's dependencyManagement's, else compile. */
    private String scope(ModulePom module, PomDependency d) {
        return Optional.ofNullable(d.scope())
                .or(() -> managedScope(module, d))
                .or(() -> managedScope(reactor.root(), d))
                .orElse("compile");
    }

    private static Optional<String> managedScope(ModulePom owner, PomDependency d) {
        return owner.managed().stream().filter(m -> m.sameArtifact(d) && m.scope() != null
                && !"import".equals(m.scope())).map(PomDependency::scope).findFirst();
    }

    /** A dependency's coordinates and effective scope, e.g. {@code io.bloomfit:bloomfit-core (compile)}. */
    private String describe(ModulePom module, PomDependency d) {
        return d.coordinates() + " (" + scope(module, d) + ")";
    }
}
