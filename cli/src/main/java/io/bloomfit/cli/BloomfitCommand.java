package io.bloomfit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bloomfit}: with no arguments it runs the bundled quickstart experiment (synthetic data) and prints the
 * report, like {@code bloomfit run}.
 */
@Command(name = "bloomfit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train and evaluate recommenders whose embeddings are compressed with Bloom embeddings and "
                + "alternatives, over grids of hash functions, compressors and ratios.",
            "", "With no command: runs examples/quickstart.yaml (built-in synthetic data) and prints the report."},
        footer = {"", ExitCodes.HELP},
        subcommands = {RunCommand.class, ReportCommand.class, PluginsCommand.class, HashCommand.class,
            LayoutCommand.class, DatasetsCommand.class, RecommendCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public class BloomfitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunCommand run = new RunCommand();
        run.outWriter = spec.commandLine().getOut();
        run.errWriter = spec.commandLine().getErr();
        return run.call();
    }
}
