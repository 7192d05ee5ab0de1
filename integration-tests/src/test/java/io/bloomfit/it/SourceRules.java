package io.bloomfit.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules on main sources ({@link DependencyRule#API_NO_CLASS_LOADING_OR_STATE} on {@code api},
 * {@link DependencyRule#NO_PACKAGE_CYCLES} on every module), read from the text of the sources with comments and
 * string literals blanked out. Pure: it checks the sources it is given, so its own test can feed it small
 * in-memory sources that break one rule each.
 */
final class SourceRules {

    /**
     * One main source file.
     *
     * @param path where it is, relative to the repository root (for messages)
     * @param text its content
     */
    record SourceFile(String path, String text) {
    }

    private static final Pattern CLASS_LOADING = Pattern.compile("\\b(?:URLClassLoader|ClassLoader|ServiceLoader)\\b");
    /** A field declaration with {@code static} among its modifiers: a name and an optional initializer, no parameters. */
    private static final Pattern STATIC_FIELD = Pattern.compile("\\bstatic\\b([^;{}()=]*)(?:=[^;]*)?;");
    private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(?:class|interface|enum|record|final)\\b");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    /** A qualified name whose leading lower-case segments are a package, followed by a type. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])([a-z_]\\w*(?:\\.[a-z_]\\w*)+)\\.([A-Z]\\w*)");

    private SourceRules() {
    }

    /** The main sources ({@code src/main/java/**.java}) of every module of {@code reactor}, by module folder. */
    static Map<String, List<SourceFile>> load(Path root, Reactor reactor) throws IOException {
        Map<String, List<SourceFile>> sources = new LinkedHashMap<>();
        for (ModulePom module : reactor.modules()) {
            Path main = root.resolve(module.folder()).resolve("src/main/java");
            List<SourceFile> files = new ArrayList<>();
            if (Files.isDirectory(main)) {
                try (Stream<Path> walk = Files.walk(main)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        files.add(new SourceFile(root.relativize(file).toString(), Files.readString(file)));
                    }
                }
            }
            sources.put(module.folder(), files);
        }
        return sources;
    }

    /** Every violation, module by module in the order given; empty when the rules hold. */
    static List<Violation> check(Map<String, List<SourceFile>> sourcesByModule) {
        List<Violation> found = new ArrayList<>();
        sourcesByModule.forEach((module, files) -> {
            if ("api".equals(module)) {
                checkApi(files, found);
            }
            checkCycles(module, files, found);
        });
        return found;
    }

    private static void checkApi(List<SourceFile> files, List<Violation> found) {
        for (SourceFile file : files) {
            String code = code(file.text());
            Matcher loading = CLASS_LOADING.matcher(code);
            while (loading.find()) {
                found.add(new Violation("api", file.path() + ":" + line(code, loading.start()) + ": names "
                        + loading.group(), DependencyRule.API_NO_CLASS_LOADING_OR_STATE));
            }
            Matcher field = STATIC_FIELD.matcher(withoutImports(code));
            while (field.find()) {
                if (!TYPE_KEYWORD.matcher(field.group(1)).find()) {
                    found.add(new Violation("api", file.path() + ":" + line(code, field.start()) + ": static field '"
                            + field.group(1).strip().replaceAll("\\s+", " ") + "' is not final",
                            DependencyRule.API_NO_CLASS_LOADING_OR_STATE));
                }
            }
        }
    }

    /** The package dependencies of one module: from package to package to the uses that make the edge. */
    private static void checkCycles(String module, List<SourceFile> files, List<Violation> found) {
        Map<SourceFile, String> packageOf = new LinkedHashMap<>();
        for (SourceFile file : files) {
            Matcher p = PACKAGE.matcher(code(file.text()));
            if (p.find()) {
                packageOf.put(file, p.group(1));
            }
        }
        Set<String> packages = new TreeSet<>(packageOf.values());
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        packageOf.forEach((file, from) -> {
            String code = code(file.text());
            String type = typeName(file.path());
            List<String> names = new ArrayList<>();
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                names.add(imports.group(1));
            }
            Matcher qualified = QUALIFIED.matcher(withoutImports(code));
            while (qualified.find()) {
                names.add(qualified.group(1) + "." + qualified.group(2));
            }
            for (String name : names) {
                String to = packageOf(name);
                if (!to.equals(from) && packages.contains(to)) {
                    edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>())
                            .add(from + "." + type + " uses " + name);
                }
            }
        });
        for (List<String> cycle : cycles(packages, edges)) {
            StringBuilder text = new StringBuilder("package cycle " + String.join(" -> ", cycle));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                Set<String> uses = edges.get(cycle.get(i)).get(cycle.get(i + 1));
                text.append("; ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
                        .append(String.join(", ", uses));
            }
            found.add(new Violation(module, text.toString(), DependencyRule.NO_PACKAGE_CYCLES));
        }
    }

    /**
     * One shortest cycle through the first package of every strongly connected group of more than one package
     * (Tarjan), each written from that package back to it.
     */
    private static List<List<String>> cycles(Set<String> packages, Map<String, Map<String, Set<String>>> edges) {
        Tarjan tarjan = new Tarjan(edges);
        packages.forEach(tarjan::visit);
        List<List<String>> cycles = new ArrayList<>();
        for (Set<String> group : tarjan.groups) {
            if (group.size() < 2) {
                continue;
            }
            String start = group.iterator().next();
            Map<String, String> previous = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            String last = null;
            while (!queue.isEmpty() && last == null) {
                String at = queue.poll();
                for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
                    if (!group.contains(next)) {
                        continue;
                    }
                    if (next.equals(start)) {
                        last = at;
                        break;
                    }
                    if (!previous.containsKey(next)) {
                        previous.put(next, at);
                        queue.add(next);
                    }
                }
            }
            List<String> cycle = new ArrayList<>(List.of(start));
            for (String at = last; !at.equals(start); at = previous.get(at)) {
                cycle.add(1, at);
            }
            cycle.add(start);
            cycles.add(cycle);
        }
        return cycles;
    }

    /** Tarjan's strongly connected components, each sorted. */
    private static final class Tarjan {
        final Map<String, Map<String, Set<String>>> edges;
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new TreeSet<>();
        final List<Set<String>> groups = new ArrayList<>();

        Tarjan(Map<String, Map<String, Set<String>>> edges) {
            this.edges = edges;
        }

        void visit(String node) {
            if (index.containsKey(node)) {
                return;
            }
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> group = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    group.add(member);
                } while (!member.equals(node));
                groups.add(group);
            }
        }
    }

    /** The package of a qualified name: its leading segments that start in lower case. */
    static String packageOf(String qualifiedName) {
        return java.util.Arrays.stream(qualifiedName.split("\\."))
                .takeWhile(segment -> !segment.isEmpty() && !Character.isUpperCase(segment.charAt(0))
                        && !segment.equals("*"))
                .collect(Collectors.joining("."));
    }

    private static String typeName(String path) {
        String file = Path.of(path).getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }

    private static String withoutImports(String code) {
        return blank(blank(code, IMPORT), PACKAGE);
    }

    private static String blank(String code, Pattern pattern) {
        Matcher m = pattern.matcher(code);
        StringBuilder out = new StringBuilder(code);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static int line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * {@code source} with comments and the contents of string, text block and character literals blanked out
     * (line breaks kept, so offsets and line numbers stay those of the file).
     */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                i = blankTo(source, i, end, out);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                i = blankTo(source, i, end, out);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = blankTo(source, i, Math.min(n, end + 1), out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blankTo(String source, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
