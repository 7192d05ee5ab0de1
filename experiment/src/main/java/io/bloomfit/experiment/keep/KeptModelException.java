package io.bloomfit.experiment.keep;

import io.bloomfit.experiment.store.RunDirectory;

/**
 * A kept model's files do not agree with each other (e.g. {@link RunDirectory#TRAIN_ITEMS} was written for another
 * dataset): the message says which file and what is wrong; saving the models again fixes it.
 */
public final class KeptModelException extends RuntimeException {

    private final boolean lineCount;

    KeptModelException(String message, boolean lineCount) {
        super(message);
        this.lineCount = lineCount;
    }

    /** Whether the file has the wrong number of lines (else one of its lines is wrong). */
    public boolean lineCount() {
        return lineCount;
    }
}
