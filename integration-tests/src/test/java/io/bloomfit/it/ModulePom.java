package io.bloomfit.it;

import java.util.List;
import java.util.Optional;

/**
 * A Maven module as the dependency rules see it: its folder (the name the rules use: {@code api},
 * {@code engine-cpu}), its artifact, what its pom declares and, when it has one, its main {@code module-info.java}.
 *
 * @param folder       the module's folder under the repository root; {@code .} for the root pom
 * @param artifactId   the pom's artifactId
 * @param dependencies {@code <dependencies>}, including those of profiles
 * @param managed      {@code <dependencyManagement>} entries, BOM imports included
 * @param plugins      {@code <build><plugins>} (not {@code pluginManagement}, which applies nothing by itself)
 * @param moduleInfo   the declarations of {@code src/main/java/module-info.java}, empty when there is none
 */
record ModulePom(String folder, String artifactId, List<PomDependency> dependencies, List<PomDependency> managed,
                 List<PomDependency> plugins, Optional<ModuleInfo> moduleInfo) {

    ModulePom {
        dependencies = List.copyOf(dependencies);
        managed = List.copyOf(managed);
        plugins = List.copyOf(plugins);
    }

    /** The same module with {@code info} as its module-info. */
    ModulePom withModuleInfo(ModuleInfo info) {
        return new ModulePom(folder, artifactId, dependencies, managed, plugins, Optional.of(info));
    }
}
