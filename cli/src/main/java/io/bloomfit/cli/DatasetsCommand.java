package io.bloomfit.cli;

import io.bloomfit.api.data.Dataset;
import io.bloomfit.api.experiment.DatasetPreparer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bloomfit datasets list|info}: what data is available and what a file holds. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists datasets and shows what a dataset holds.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.InfoCommand.class},
        footer = {"", ExitCodes.HELP})
public class DatasetsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** {@code datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built-in synthetic presets.")
    public static class ListCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.println("synthetic presets (dataset: {source: synthetic, preset: NAME}):");
            for (String name : DatasetPreparer.syntheticPresets()) {
                out.println("  " + name);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code datasets info PATH}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Loads a dataset with the loader a run would use and prints its size.",
                "PATH: a ratings file (MovieLens u.data, ratings.dat, ratings.csv) or a synthetic preset name."})
    public static class InfoCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "PATH")
        String path;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            Dataset dataset = DatasetPreparer.load(DatasetPreparer.describe(path));
            double seconds = (System.nanoTime() - t0) / 1e9;
            var out = spec.commandLine().getOut();
            out.println("name: " + dataset.name());
            out.println("users: " + dataset.numUsers());
            out.println("items: " + dataset.numItems());
            out.println("interactions: " + dataset.numInteractions());
            out.println(String.format(java.util.Locale.ROOT, "density: %.6f", dataset.density()));
            out.println("ratings: " + (dataset.interactions().hasRatings() ? "yes" : "no"));
            out.println("timestamps: " + (dataset.interactions().hasTimestamps() ? "yes" : "no"));
            out.println("load: " + dataset.report().summary());
            out.println(String.format(java.util.Locale.ROOT, "seconds: %.2f", seconds));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
