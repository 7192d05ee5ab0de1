package io.bloomfit.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a plain {@code kill}) during {@code bloomfit run}: a JVM shutdown hook that asks the run to cancel and
 * then holds the JVM open until the run has stopped (the fit in progress stops at its next step and is not
 * recorded) and its reports are written, so nothing finished is lost and {@code --resume} continues. Closing it
 * (when the run is over) lets a waiting hook return, and removes the hook when the JVM is not shutting down.
 */
final class CancelOnShutdown implements AutoCloseable {

    /** How long the hook waits for the step in progress to end before letting the JVM exit anyway. */
    static final long WAIT_SECONDS = 120;

    private final Runnable cancel;
    private final PrintWriter err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnShutdown(Runnable cancel, PrintWriter err) {
        this.cancel = cancel;
        this.err = err;
        this.hook = new Thread(this::onShutdown, "bloomfit-cancel");
    }

    /** Registers the hook for {@code cancel} (e.g. {@code runner::cancel}). */
    static CancelOnShutdown install(Runnable cancel, PrintWriter err) {
        CancelOnShutdown c = new CancelOnShutdown(cancel, err);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** What the hook does: cancel, then wait (at most {@value #WAIT_SECONDS} s) until {@link #close()}. */
    void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        err.println();
        err.println("bloomfit: stopping: the point in progress stops at its next step; finished points are kept");
        err.flush();
        cancel.run();
        try {
            if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                err.println("bloomfit: the step in progress did not end within " + WAIT_SECONDS + " s; exiting");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over and its output written. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (or has run): it returns now that the latch is open
        }
    }
}
