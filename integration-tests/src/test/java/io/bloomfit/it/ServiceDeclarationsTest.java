package io.bloomfit.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provider is declared twice, and both must agree: {@code provides X with Y, Z} in a module's
 * {@code module-info.java} (read on the module path) and {@code src/main/resources/META-INF/services/X} (read on
 * the class path, which is where Quarkus runs). A provider in only one of them is found in one mode and silently
 * missing in the other.
 */
class ServiceDeclarationsTest {

    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.$]+)\\s+with\\s+([^;]+);");
    private static final String SERVICES = "src/main/resources/META-INF/services";

    @TempDir
    Path tempRoot;

    @Test
    void everyModuleInfoProvidesMatchesItsServiceFilesAndBack() throws IOException {
        Path root = repositoryRoot();
        List<String> checked = new ArrayList<>();

        List<String> mismatches = check(root, checked);

        assertThat(checked).as("modules with a module-info under %s", root)
                .contains("hash-plugins", "embedding-plugins");
        assertThat(mismatches).as("provides in module-info against META-INF/services").isEmpty();
    }

    @Test
    void aMismatchNamesTheModuleTheServiceAndTheMissingClass() throws IOException {
        Path root = tempRoot.resolve("repo");
        module(root, "only-module-info", """
                /* provides io.example.Commented with io.example.Ignored; */
                module io.example.one {
                    // provides io.example.AlsoCommented with io.example.Ignored;
                    provides io.example.Service with io.example.A, io.example.Outer.Inner, io.example.B;
                    provides io.example.Other with io.example.C;
                }
                """);
        write(root.resolve("only-module-info").resolve(SERVICES).resolve("io.example.Service"),
                "# a comment\nio.example.A\nio.example.Outer$Inner\n\nio.example.Extra\n");
        module(root, "only-services", "module io.example.two {\n}\n");
        write(root.resolve("only-services").resolve(SERVICES).resolve("io.example.Service"), "io.example.D\n");
        module(root, "agreeing", "module io.example.three { provides io.example.Service with io.example.E; }");
        write(root.resolve("agreeing").resolve(SERVICES).resolve("io.example.Service"), "io.example.E\n");
        write(root.resolve("no-module-info").resolve(SERVICES).resolve("io.example.Service"), "io.example.F\n");
        List<String> checked = new ArrayList<>();

        List<String> mismatches = check(root, checked);

        assertThat(checked).containsExactly("agreeing", "only-module-info", "only-services");
        assertThat(mismatches).containsExactlyInAnyOrder(
                "module only-module-info, service io.example.Service: io.example.B is provided in module-info.java "
                        + "but missing from " + SERVICES + "/io.example.Service",
                "module only-module-info, service io.example.Service: io.example.Extra is listed in " + SERVICES
                        + "/io.example.Service but missing from module-info.java's provides",
                "module only-module-info, service io.example.Other: io.example.C is provided in module-info.java "
                        + "but missing from " + SERVICES + "/io.example.Other",
                "module only-services, service io.example.Service: io.example.D is listed in " + SERVICES
                        + "/io.example.Service but missing from module-info.java's provides");
    }

    /**
     * The mismatches between module-info and service files of every direct sub-folder of {@code root} that holds
     * {@code src/main/java/module-info.java}; the names of the modules checked go to {@code checked}.
     */
    static List<String> check(Path root, List<String> checked) throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<Path> modules;
        try (Stream<Path> listing = Files.list(root)) {
            modules = listing.filter(p -> Files.isRegularFile(p.resolve("src/main/java/module-info.java")))
                    .sorted().toList();
        }
        for (Path module : modules) {
            String name = module.getFileName().toString();
            checked.add(name);
            Map<String, Set<String>> declared = provides(module.resolve("src/main/java/module-info.java"));
            Map<String, Set<String>> listed = serviceFiles(module.resolve(SERVICES));
            Set<String> services = new TreeSet<>(declared.keySet());
            services.addAll(listed.keySet());
            for (String service : services) {
                Set<String> inModuleInfo = declared.getOrDefault(service, Set.of());
                Set<String> inFile = listed.getOrDefault(service, Set.of());
                String prefix = "module " + name + ", service " + service + ": ";
                for (String provider : inModuleInfo) {
                    if (!inFile.contains(provider)) {
                        mismatches.add(prefix + provider + " is provided in module-info.java but missing from "
                                + SERVICES + "/" + service);
                    }
                }
                for (String provider : inFile) {
                    if (!inModuleInfo.contains(provider)) {
                        mismatches.add(prefix + provider + " is listed in " + SERVICES + "/" + service
                                + " but missing from module-info.java's provides");
                    }
                }
            }
        }
        return mismatches;
    }

    /** Service to provider classes, as canonical names (a nested class's {@code $} read as {@code .}). */
    private static Map<String, Set<String>> provides(Path moduleInfo) throws IOException {
        String source = Files.readString(moduleInfo).replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Map<String, Set<String>> provides = new LinkedHashMap<>();
        Matcher matcher = PROVIDES.matcher(source);
        while (matcher.find()) {
            Set<String> providers = provides.computeIfAbsent(canonical(matcher.group(1)), s -> new LinkedHashSet<>());
            for (String provider : matcher.group(2).split(",")) {
                providers.add(canonical(provider.strip()));
            }
        }
        return provides;
    }

    private static Map<String, Set<String>> serviceFiles(Path folder) throws IOException {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return listed;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Set<String> providers = new LinkedHashSet<>();
                for (String line : Files.readAllLines(file)) {
                    int comment = line.indexOf('#');
                    String provider = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (!provider.isEmpty()) {
                        providers.add(canonical(provider));
                    }
                }
                listed.put(canonical(file.getFileName().toString()), providers);
            }
        }
        return listed;
    }

    private static String canonical(String className) {
        return className.replace('$', '.');
    }

    /** The folder holding {@code mvnw}, found by walking up from the working directory. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + start
                + "; run the tests from inside the repository");
    }

    private static void module(Path root, String name, String moduleInfo) throws IOException {
        write(root.resolve(name).resolve("src/main/java/module-info.java"), moduleInfo);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
