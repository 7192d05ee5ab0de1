package io.bloomfit.experiment.grid;

import io.bloomfit.api.train.SpecName;

/** How a grid point ended: the closed vocabulary of the {@code status} field of {@code results.jsonl}. */
public enum ResultStatus {
    /** Fitted and evaluated: the row has metrics. */
    OK,
    /** Something went wrong (divergence, an exception in a plugin, out of memory): the row has the error. */
    FAILED;

    /** The name written into results files: {@code ok} or {@code failed}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant written as {@code value}.
     *
     * @throws IllegalArgumentException naming {@code status} and the accepted values
     */
    public static ResultStatus fromSpec(String value) {
        return SpecName.parse(ResultStatus.class, "status", value);
    }
}
