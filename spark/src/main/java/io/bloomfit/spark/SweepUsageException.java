package io.bloomfit.spark;

/** A command-line mistake of {@link SparkSweep} (an unknown option, a missing value): exit code 2, one line. */
public final class SweepUsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SweepUsageException(String message) {
        super(message);
    }
}
