package io.bloomfit.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The root pom and every module it lists, read from the repository checkout (poms and main module-infos).
 *
 * @param root    the root pom ({@code bloomfit-parent}), folder {@code .}
 * @param modules the modules of the root pom's {@code <modules>}, in order
 */
record Reactor(ModulePom root, List<ModulePom> modules) {

    Reactor {
        modules = List.copyOf(modules);
    }

    /**
     * The repository root: the first of {@code start} and its parents that holds the Maven wrapper {@code mvnw}.
     *
     * @throws IllegalStateException naming {@code start} when no parent has one
     */
    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder from " + start.toAbsolutePath()
                + " upwards holds mvnw and pom.xml: run the test inside the bloomfit checkout");
    }

    /** Reads the reactor under {@code repositoryRoot}. */
    static Reactor load(Path repositoryRoot) throws IOException {
        String rootXml = Files.readString(repositoryRoot.resolve("pom.xml"));
        List<ModulePom> modules = new ArrayList<>();
        for (String folder : PomReader.modules(rootXml)) {
            Path dir = repositoryRoot.resolve(folder);
            ModulePom module = PomReader.read(folder, Files.readString(dir.resolve("pom.xml")));
            Path moduleInfo = dir.resolve("src/main/java/module-info.java");
            if (Files.isRegularFile(moduleInfo)) {
                module = module.withModuleInfo(ModuleInfo.parse(folder + "/src/main/java/module-info.java",
                        Files.readString(moduleInfo)));
            }
            modules.add(module);
        }
        return new Reactor(PomReader.read(".", rootXml), modules);
    }
}
