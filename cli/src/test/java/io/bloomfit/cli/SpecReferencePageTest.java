package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.host.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/spec.md} against the built-in plugins the CLI ships: its option tables list exactly the options the
 * built-in compressors and trainers declare, each with its rule and default as {@code bloomfit plugins} prints
 * them, and its complete example is a valid spec of the size the page says. (That the page documents every key of
 * the schema is {@code SpecReferenceTest}'s check, in module experiment.)
 */
class SpecReferencePageTest {

    private static final Path PAGE = Path.of("..", "docs", "spec.md");

    @Test
    void theCompressorOptionsTableListsEveryOptionOfTheBuiltInCompressors() throws IOException {
        assertThat(tableRows("### Compressor options")).as("rows of the compressor options table in %s", PAGE)
                .containsExactlyInAnyOrderElementsOf(declared(Plugins.shared().compressors(), c -> c.options()));
    }

    @Test
    void theTrainerOptionsTableListsEveryOptionOfTheBuiltInTrainers() throws IOException {
        assertThat(tableRows("### Trainer options")).as("rows of the trainer options table in %s", PAGE)
                .containsExactlyInAnyOrderElementsOf(declared(Plugins.shared().trainers(),
                        t -> t.capabilities().options()));
    }

    @Test
    void theCompleteExampleIsAValidSpecOfTheSizeThePageGives() throws IOException {
        String page = Files.readString(PAGE);
        int heading = page.indexOf("## A complete example");
        assertThat(heading).as("the heading of the example in %s", PAGE).isNotNegative();
        int start = page.indexOf("```yaml\n", heading) + "```yaml\n".length();
        String yaml = page.substring(start, page.indexOf("```", start));

        ExperimentSpec spec = SpecReader.read(yaml, PAGE.toString(), false, "example", null, List.of());

        assertThat(page.substring(heading, start)).contains("22 points: 18 trained, 4 reference rankers");
        assertThat(ExperimentPlan.withReferences(spec, Plugins.shared())).hasSize(22);
        assertThat(ExperimentPlan.expand(spec)).hasSize(18);
    }

    /**
     * What a table row starts with for each option of each built-in provider of {@code registry}:
     * {@code | `name` | `option` | rule | `default` |}.
     */
    private static <T> List<String> declared(PluginRegistry<T> registry, Function<T, List<PluginOption>> options) {
        List<String> rows = new ArrayList<>();
        for (PluginRegistry.Entry<T> entry : registry.entries()) {
            if (entry.source().builtIn()) {
                for (PluginOption option : options.apply(entry.provider())) {
                    rows.add("| `" + entry.name() + "` | `" + option.name() + "` | " + option.rule() + " | `"
                            + option.defaultValue() + "` |");
                }
            }
        }
        return rows;
    }

    /** The first four cells of each body row of the table under {@code heading}, as {@link #declared} writes them. */
    private static List<String> tableRows(String heading) throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        int at = lines.indexOf(heading);
        assertThat(at).as("the heading '%s' in %s", heading, PAGE).isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.split(" \\| ", -1);
                if (cells.length > 4 && !line.startsWith("|---") && !line.startsWith("| compressor |")
                        && !line.startsWith("| trainer |")) {
                    rows.add(String.join(" | ", List.of(cells).subList(0, 4)) + " |");
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }
}
