package io.bloomfit.cli;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point: builds the picocli command tree with bloomfit's error handling (one clear message, no stack
 * trace, documented exit codes; see {@link ExitCodes}).
 */
@QuarkusMain
public class BloomfitMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        try {
            return commandLine(factory).execute(args);
        } catch (OutOfMemoryError e) {
            // what the estimates before allocating did not foresee: one line and the fix, not a stack trace
            System.err.println("bloomfit: out of memory (" + e.getMessage() + ") with a maximum heap of "
                    + Runtime.getRuntime().maxMemory() / (1L << 20) + " MB; give the JVM more with "
                    + "JAVA_OPTS=-Xmx<size>g, or use a smaller ratio, dimension or dataset");
            return ExitCodes.FAILURE;
        }
    }

    /** The configured command line (also used by tests and benchmarks). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new BloomfitCommand(), factory);
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
