package io.bloomfit.it;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the parts of a {@code pom.xml} the dependency rules need, with the JDK's DOM parser. */
final class PomReader {

    private PomReader() {
    }

    /**
     * The module in folder {@code folder} whose pom is {@code xml}.
     *
     * @throws IllegalArgumentException naming the folder when the pom is not well-formed XML or has no artifactId
     */
    static ModulePom read(String folder, String xml) {
        Element project = parse(folder, xml);
        String artifactId = text(project, "artifactId");
        if (artifactId == null) {
            throw new IllegalArgumentException(folder + "/pom.xml has no <artifactId>");
        }
        String groupId = Optional.ofNullable(text(project, "groupId"))
                .orElseGet(() -> child(project, "parent").map(p -> text(p, "groupId")).orElse(null));
        List<PomDependency> dependencies = new ArrayList<>(dependencies(project, groupId));
        for (Element profile : path(project, "profiles", "profile")) {
            dependencies.addAll(dependencies(profile, groupId));
        }
        List<PomDependency> managed = new ArrayList<>();
        for (Element management : path(project, "dependencyManagement")) {
            managed.addAll(dependencies(management, groupId));
        }
        List<PomDependency> plugins = new ArrayList<>();
        for (Element plugin : path(project, "build", "plugins", "plugin")) {
            plugins.add(new PomDependency(resolve(Optional.ofNullable(text(plugin, "groupId"))
                    .orElse("org.apache.maven.plugins"), groupId), text(plugin, "artifactId"), "maven-plugin", null));
        }
        return new ModulePom(folder, artifactId, dependencies, managed, plugins, Optional.empty());
    }

    /** The folders named in the {@code <modules>} of {@code xml} (the root pom), in order. */
    static List<String> modules(String xml) {
        List<String> modules = new ArrayList<>();
        for (Element module : path(parse(".", xml), "modules", "module")) {
            modules.add(module.getTextContent().trim());
        }
        return modules;
    }

    private static List<PomDependency> dependencies(Element owner, String projectGroupId) {
        List<PomDependency> found = new ArrayList<>();
        for (Element dependency : path(owner, "dependencies", "dependency")) {
            found.add(new PomDependency(resolve(text(dependency, "groupId"), projectGroupId),
                    text(dependency, "artifactId"), Optional.ofNullable(text(dependency, "type")).orElse("jar"),
                    text(dependency, "scope")));
        }
        return found;
    }

    private static String resolve(String value, String projectGroupId) {
        return value == null ? "" : value.replace("${project.groupId}", String.valueOf(projectGroupId));
    }

    private static Element parse(String folder, String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(folder + "/pom.xml is not a readable pom: " + e.getMessage(), e);
        }
    }

    /** The elements reached from {@code from} through child elements named {@code names}, in document order. */
    private static List<Element> path(Element from, String... names) {
        List<Element> level = List.of(from);
        for (String name : names) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && name.equals(e.getTagName())) {
                        next.add(e);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static Optional<Element> child(Element from, String name) {
        return path(from, name).stream().findFirst();
    }

    private static String text(Element from, String name) {
        return child(from, name).map(e -> e.getTextContent().trim()).orElse(null);
    }
}
