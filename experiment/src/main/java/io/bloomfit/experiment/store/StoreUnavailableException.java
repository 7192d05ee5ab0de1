package io.bloomfit.experiment.store;

/**
 * A store URI that names no store this build opens, or a store that cannot be opened (unreachable, refused, in
 * use): the user's to fix. The message names the store (a password in a URL left out) and the fix; the caller
 * adds the option it came from (e.g. {@code --store: }).
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
