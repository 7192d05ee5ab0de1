package io.bloomfit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.host.HashFunctions;
import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.host.Trainers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bloomfit plugins [--json]}: what a spec can name, where each provider came from, and the options each
 * compressor takes (one indented line per option: name, allowed values, default).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists hash functions, compressors and trainers with their source (built-in or the jar "
                + "path) and the options each takes (a compressor's in grid.options and tune.options, a trainer's in "
                + "trainer.options), and plugin jars that failed to load.",
            "Drop-in jars are read from $BLOOMFIT_PLUGINS_DIR or -Dbloomfit.plugins.dir (default ./plugins)."},
        footer = {"", ExitCodes.HELP})
public class PluginsCommand implements Callable<Integer> {

    /** The plugin loader's log category, held strongly so its level sticks (java.util.logging keeps weak ones). */
    private static final java.util.logging.Logger QUIET_PLUGIN_LOG =
            java.util.logging.Logger.getLogger("io.bloomfit.host");

    @Option(names = "--json", description = "print JSON (the shape of the server's GET /api/plugins)")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        // This command lists every problem itself: the registries' warning log lines would print each one twice.
        QUIET_PLUGIN_LOG.setLevel(java.util.logging.Level.SEVERE);
        List<PluginRegistry<?>> registries = List.of(HashFunctions.registry(), EmbeddingCompressors.registry(),
                Trainers.registry());
        List<String> titles = List.of("hashFunctions", "compressors", "trainers");
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            for (int i = 0; i < registries.size(); i++) {
                ArrayNode array = root.putArray(titles.get(i));
                for (PluginRegistry.Entry<?> e : registries.get(i).entries()) {
                    ObjectNode entry = array.addObject().put("name", e.name()).put("source", e.source().toString());
                    ArrayNode options = entry.putArray("options");
                    for (PluginOption o : optionsOf(e.provider())) {
                        options.addObject().put("name", o.name()).put("type", o.type().specName())
                                .put("rule", o.rule()).putPOJO("default", o.defaultValue())
                                .put("description", o.description());
                    }
                }
            }
            ArrayNode problems = root.putArray("problems");
            distinctProblems(registries).forEach(problems::add);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            List<String> headings = List.of("hash functions", "compressors", "trainers");
            for (int i = 0; i < registries.size(); i++) {
                out.println(headings.get(i) + ":");
                List<? extends PluginRegistry.Entry<?>> entries = registries.get(i).entries();
                int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
                if (entries.isEmpty()) {
                    out.println("  (none)");
                }
                for (PluginRegistry.Entry<?> e : entries) {
                    out.println("  " + e.name() + " ".repeat(width - e.name().length() + 2) + e.source());
                    for (PluginOption o : optionsOf(e.provider())) {
                        out.println("    option " + o.name() + ": " + o.rule() + ", default " + o.defaultValue()
                                + "; " + o.description());
                    }
                }
            }
            out.println("plugin directory: " + PluginDirectory.configuredPath().toAbsolutePath());
            Set<String> problems = distinctProblems(registries);
            if (!problems.isEmpty()) {
                out.println("problems:");
                problems.forEach(p -> out.println("  " + p));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The options a plugin declares: a compressor's, a trainer's ({@code trainer.options}); none for the others. */
    private static List<PluginOption> optionsOf(Object provider) {
        if (provider instanceof EmbeddingCompressor compressor) {
            return compressor.options();
        }
        return provider instanceof Trainer trainer ? trainer.capabilities().options() : List.of();
    }

    /**
     * Every problem once: a broken plugin directory entry is listed by every registry that read the directory.
     */
    private static Set<String> distinctProblems(List<PluginRegistry<?>> registries) {
        Set<String> problems = new LinkedHashSet<>();
        registries.forEach(r -> r.problems().forEach(p -> problems.add(p.toString())));
        return problems;
    }
}
