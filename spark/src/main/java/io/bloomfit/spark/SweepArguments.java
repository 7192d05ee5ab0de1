package io.bloomfit.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SparkSweep}: {@code SPEC [--master URL] [--store URL | --out DIR] [--resume]
 * [--set KEY=VALUE]...}.
 *
 * @param spec      the experiment spec file
 * @param master    {@code --master}, or {@code null} (spark-submit's, else {@code local[*]})
 * @param store     {@code --store} or {@code --out}, or {@code null} for a new run directory
 * @param resume    continue the run in the store, skipping points that finished ok
 * @param overrides {@code --set} assignments, in order
 */
record SweepArguments(Path spec, String master, String store, boolean resume, List<String> overrides) {

    static final String USAGE = "usage: SparkSweep SPEC [--master local[*] | spark://host:7077] "
            + "[--store URL | --out DIR] [--resume] [--set KEY=VALUE]...";

    SweepArguments {
        overrides = List.copyOf(overrides);
    }

    static SweepArguments parse(String... args) {
        Path spec = null;
        String master = null;
        String store = null;
        String storeOption = null;
        boolean resume = false;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--master" -> master = value(args, ++i, arg);
                case "--store", "--out" -> {
                    if (storeOption != null) {
                        throw new SweepUsageException(storeOption + " and " + arg + " both name the store; give one. "
                                + USAGE);
                    }
                    storeOption = arg;
                    store = value(args, ++i, arg);
                }
                case "--resume" -> resume = true;
                case "--set" -> overrides.add(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new SweepUsageException("unknown option '" + arg + "'. " + USAGE);
                    }
                    if (spec != null) {
                        throw new SweepUsageException("one SPEC only, got '" + spec + "' and '" + arg + "'. " + USAGE);
                    }
                    spec = Path.of(arg);
                }
            }
        }
        if (spec == null) {
            throw new SweepUsageException("missing SPEC, the experiment spec file. " + USAGE);
        }
        if (resume && store == null) {
            throw new SweepUsageException("--resume needs --out DIR or --store URL: the run to continue");
        }
        return new SweepArguments(spec, master, store, resume, overrides);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new SweepUsageException(option + " needs a value. " + USAGE);
        }
        return args[i];
    }
}
