package io.bloomfit.data;

/**
 * A dataset could not be loaded because of its input: the message names the file (and line), what was expected,
 * what was found, and what to do about it.
 */
public class DatasetLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetLoadException(String message) {
        super(message);
    }

    public DatasetLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
