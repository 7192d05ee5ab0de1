package io.bloomfit.experiment;

/**
 * What was asked for does not fit in this JVM's heap ({@link MemoryEstimate}): the user's input (a size, a ratio,
 * a dimension) or the JVM's settings, refused before anything big is allocated. The message holds the estimate,
 * the heap available and the fix.
 */
public final class InsufficientMemoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InsufficientMemoryException(String message) {
        super(message);
    }
}
