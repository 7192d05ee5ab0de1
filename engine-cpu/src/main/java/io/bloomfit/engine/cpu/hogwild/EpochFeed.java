package io.bloomfit.engine.cpu.hogwild;

import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.Batch;
import io.bloomfit.engine.factorization.Minibatches;

/**
 * Hands one epoch's batches to the threads of a hogwild fit, in {@link Minibatches} order, and keeps the epoch's
 * books: every listener call, the stop check before every batch and the divergence check after it happen here,
 * under one lock, so the listener sees one caller at a time and the step counts it is told are consecutive. The
 * first thread that finds a stop request or a non-finite loss records it; every thread then stops taking
 * batches, and {@link #rethrow} raises it in the fit's thread.
 */
final class EpochFeed {

    private final Minibatches.Epoch batches;
    private final TrainingListener listener;
    private final int epoch;
    private final long steps;
    private final long stepsBefore;
    private final long start = System.nanoTime();
    private long handedOut;
    private long finished;
    private long examples;
    private double lossSum;
    private RuntimeException failure;

    EpochFeed(Minibatches.Epoch batches, TrainingListener listener, int epoch, long steps, long stepsBefore) {
        this.batches = batches;
        this.listener = listener;
        this.epoch = epoch;
        this.steps = steps;
        this.stepsBefore = stepsBefore;
    }

    /** The next batch, or {@code null} when the epoch is done or the fit must stop. */
    synchronized Batch next() {
        if (failure != null || !batches.hasNext()) {
            return null;
        }
        if (listener.stopRequested()) {
            failure = new TrainingCancelledException(epoch, stepsBefore + finished);
            return null;
        }
        handedOut++;
        return batches.next();
    }

    /** Books a finished batch of {@code size} examples whose mean loss was {@code loss}. */
    synchronized void finished(double loss, int size) {
        if (failure != null) {
            return;
        }
        if (!Double.isFinite(loss)) {
            failure = new TrainingDivergedException(epoch, stepsBefore + finished + 1, loss);
            return;
        }
        finished++;
        lossSum += loss;
        examples += size;
        double elapsed = seconds();
        listener.stepFinished(epoch, finished, steps, lossSum / finished, elapsed > 0 ? examples / elapsed : 0);
    }

    /** Records a failure of a worker thread (a bug, or out of memory) so the others stop too. */
    synchronized void failed(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Throws what stopped the epoch, if anything did. */
    synchronized void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    /** Mean batch loss of the epoch. */
    synchronized double meanLoss() {
        return lossSum / finished;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
