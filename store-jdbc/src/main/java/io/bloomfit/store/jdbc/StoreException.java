package io.bloomfit.store.jdbc;

/**
 * The database could not be reached or answered with an error: a fault of the environment or of this code, never
 * of a request. The message names the database (its URL without credentials) and the operation.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
