package io.bloomfit.server;

/** The experiment is in a state that does not allow the request (deleting a running one, resuming a finished one): 409. */
public final class ExperimentConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExperimentConflictException(String message) {
        super(message);
    }
}
