package io.bloomfit.cli;

/**
 * Exit codes of every {@code bloomfit} command (also printed by {@code bloomfit --help}).
 */
public final class ExitCodes {

    /** Everything worked (for {@code run}: every grid point finished ok). */
    public static final int OK = 0;
    /** The work failed: a grid point failed, a file could not be written, an unexpected error. */
    public static final int FAILURE = 1;
    /** The command line or the spec is wrong: unknown option or name, invalid value, unreadable input. */
    public static final int USAGE = 2;
    /** {@code run} was interrupted (Ctrl-C): finished points and their reports are kept; {@code --resume} goes on. */
    public static final int INTERRUPTED = 130;

    static final String HELP = "Exit codes: 0 ok; 1 failure (a grid point failed, I/O or unexpected error); "
            + "2 usage or spec error (unknown option/name, invalid value, unreadable input); 130 interrupted (Ctrl-C: "
            + "finished points and reports kept, --resume continues).";

    private ExitCodes() {
    }
}
