package io.bloomfit.experiment.store;

import java.io.IOException;

/**
 * A stored results file holds a line that is not a result row (edited by hand, or written by another tool): the
 * user's input, reported as {@code file:line: reason} without the parser's internals.
 */
public final class ResultsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    ResultsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
