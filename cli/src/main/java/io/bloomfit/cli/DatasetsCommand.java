package io.bloomfit.cli;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.experiment.DatasetFormat;
import io.bloomfit.experiment.DatasetPreparer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bloomfit datasets list|info}: what data is available and what a file holds. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists datasets and shows what a dataset holds.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.FetchCommand.class,
            DatasetsCommand.InfoCommand.class},
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
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the built-in synthetic presets and the MovieLens releases `fetch` knows.")
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
            DatasetFetcher fetcher = new DatasetFetcher();
            out.println("MovieLens releases (dataset: {source: movielens, name: NAME}; cache " + fetcher.cacheDir()
                    + "):");
            for (String name : DatasetFetcher.names()) {
                out.println("  " + name + (fetcher.isFetched(name) ? "  (fetched: " + fetcher.location(name) + ")"
                        : ""));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code datasets fetch NAME}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Downloads a MovieLens release over HTTPS, checks its published MD5 and unpacks it into "
                    + "the cache (idempotent).", "The cache is $BLOOMFIT_DATASETS, else $XDG_CACHE_HOME/bloomfit/datasets, else "
                    + "~/.cache/bloomfit/datasets."})
    public static class FetchCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "e.g. movielens-100k")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!DatasetFetcher.knows(name)) {
                throw new UserError("unknown dataset '" + name + "'; available: "
                        + String.join(", ", DatasetFetcher.names()));
            }
            DatasetFetcher.FetchResult result = new DatasetFetcher().fetch(name);
            var out = spec.commandLine().getOut();
            out.println(name + ": " + (result.downloaded() ? "downloaded " + result.bytes() + " bytes, md5 "
                    + result.md5() + ", unpacked into " : "already in ") + result.directory());
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code datasets info PATH}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Loads a dataset with the loader a run would use and prints its size.",
                "PATH: a ratings file (MovieLens u.data, ratings.dat, ratings.csv, or any name: the format is "
                    + "detected from the first line), a folder, a MovieLens release or a synthetic preset name."})
    public static class InfoCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "PATH")
        String path;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
                description = "auto (default: from the name, else the first line) | movielens | csv")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            DatasetPreparer.Described described = DatasetPreparer.describe(path, DatasetFormat.fromName(format));
            Dataset dataset = DatasetPreparer.load(described.spec());
            double seconds = (System.nanoTime() - t0) / 1e9;
            var out = spec.commandLine().getOut();
            out.println("name: " + dataset.name());
            out.println("format: " + described.format());
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
