package io.bloomfit.cli;

import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.experiment.InsufficientMemoryException;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.store.ResultsFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns exceptions into one message on stderr and an exit code: errors the user can fix (spec, names, values,
 * missing or malformed input files) exit 2, others exit 1. Stack traces only with {@code -Dbloomfit.debug=true}.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        var err = cmd.getErr();
        int code;
        String message;
        if (e instanceof SpecException || e instanceof UserError || e instanceof IllegalArgumentException
                || e instanceof DatasetLoadException || e instanceof ResultsFileException
                || e instanceof InsufficientMemoryException) {
            code = ExitCodes.USAGE;
            message = e.getMessage();
        } else if (e instanceof NoSuchFileException missing) {
            code = ExitCodes.USAGE;
            message = missing.getFile() + ": " + (missing.getReason() != null ? missing.getReason() : "no such file");
        } else if (e instanceof AccessDeniedException denied) {
            code = ExitCodes.USAGE;
            message = denied.getFile() + ": permission denied";
        } else if (e instanceof IOException) {
            code = ExitCodes.FAILURE;
            message = e.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = e.getClass().getName() + ": " + e.getMessage()
                    + " (rerun with JAVA_OPTS=-Dbloomfit.debug=true for the stack trace)";
        }
        err.println("bloomfit: " + message);
        if (Boolean.getBoolean("bloomfit.debug")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
