package io.bloomfit.server;

/** The experiment queue is full: the client may try again later (429 with {@code Retry-After}). */
public final class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    public QueueFullException(int capacity, int retryAfterSeconds) {
        super("the experiment queue is full (" + capacity + " waiting, bloomfit.server.queue-size); try again in "
                + retryAfterSeconds + " s, or cancel a queued experiment");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
