package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/spec.md}, the spec reference, documents every key path of the schema ({@link SpecBinder#keyPaths()},
 * nested keys included), each as a backticked {@code section.key}, and no key path the schema does not have. Below
 * the plugin-keyed paths ({@code grid.options}, ...) the plugins declare the keys: the page's option tables are
 * checked against the built-in plugins where they are installed (the CLI's tests).
 */
class SpecReferenceTest {

    /** The page, from this module's directory (the tests' working directory). */
    private static final Path PAGE = Path.of("..", "docs", "spec.md");

    /** A dotted key path: words of letters, digits and {@code -} (compressor names), joined by dots. */
    private static final Pattern KEY_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z][A-Za-z0-9-]*)+");
    /** An inline code span; one may run across a line break of its paragraph. */
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private static String page;

    @BeforeAll
    static void readThePage() throws IOException {
        if (!Files.exists(PAGE)) {
            if (insideTheRepository()) {
                fail(PAGE.toAbsolutePath() + " is missing: the repository keeps its spec reference there");
            }
            Assumptions.abort(PAGE.toAbsolutePath() + " is absent: this module is built outside the bloomfit "
                    + "repository, so there is no spec reference to check");
        }
        page = Files.readString(PAGE);
    }

    /** Whether the parent directory is the repository's root, whose build lists this module. */
    private static boolean insideTheRepository() throws IOException {
        Path rootPom = Path.of("..", "pom.xml");
        return Files.isRegularFile(rootPom) && Files.readString(rootPom).contains("<module>experiment</module>");
    }

    @Test
    void theSchemaListsNestedKeyPaths() {
        assertThat(SpecBinder.keyPaths()).contains("name", "keepModels", "model.network", "model.network.hidden",
                "tune.epochs", "tune.epochs.patience", "grid.options").doesNotHaveDuplicates();
        assertThat(SpecBinder.pluginKeyedPaths()).contains("trainer.options", "grid.options", "tune.options");
    }

    @Test
    void everyKeyPathOfTheSchemaIsDocumented() {
        Set<String> documented = codeSpans(page);
        List<String> missing = SpecBinder.keyPaths().stream().filter(path -> !documented.contains(path)).toList();
        assertThat(missing).as("key paths of the spec schema that %s does not document as a backticked `section.key`",
                PAGE).isEmpty();
    }

    @Test
    void everyDocumentedKeyPathIsInTheSchema() {
        List<String> sections = SpecBinder.rootKeys();
        List<String> paths = SpecBinder.keyPaths();
        List<String> unknown = new ArrayList<>();
        for (String span : codeSpans(page)) {
            String path = span.replaceAll("\\[\\d+]", "");
            if (KEY_PATH.matcher(path).matches() && sections.contains(path.substring(0, path.indexOf('.')))
                    && !paths.contains(path) && !belowPluginKeyedPath(path)) {
                unknown.add(span);
            }
        }
        assertThat(unknown).as("key paths documented in %s that the spec schema does not have", PAGE).isEmpty();
    }

    @Test
    void aKeyPathOutsideTheSchemaIsCaught() {
        assertThat(KEY_PATH.matcher("model.epochz").matches()).isTrue();
        assertThat(SpecBinder.keyPaths()).doesNotContain("model.epochz");
        assertThat(belowPluginKeyedPath("grid.options.bloom.combiner")).isTrue();
        assertThat(belowPluginKeyedPath("grid.optionz.bloom")).isFalse();
        assertThat(codeSpans("a `model.kind` and\n```yaml\nmodel: {kind: x}  # `grid.x`\n```\n`tune.epochs.max`"))
                .containsExactly("model.kind", "tune.epochs.max");
    }

    private static boolean belowPluginKeyedPath(String path) {
        return SpecBinder.pluginKeyedPaths().stream().anyMatch(keyed -> path.startsWith(keyed + "."));
    }

    /** The inline code spans of {@code markdown}, outside fenced code blocks. */
    private static Set<String> codeSpans(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(line).append('\n');
            }
        }
        Set<String> spans = new LinkedHashSet<>();
        Matcher m = CODE_SPAN.matcher(prose);
        while (m.find()) {
            spans.add(m.group(1).replaceAll("\\s+", " ").trim());
        }
        return spans;
    }
}
