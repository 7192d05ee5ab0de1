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
        return commandLine(factory).execute(args);
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
