package io.bloomfit.cli;

/** Something the user can fix (an argument, a file): printed as one line and exits with {@link ExitCodes#USAGE}. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
