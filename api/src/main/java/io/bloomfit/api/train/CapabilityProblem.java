package io.bloomfit.api.train;

import java.util.Objects;

/**
 * Something in a {@link ModelSpec} that a trainer declares it cannot do ({@link TrainerCapabilities#problemsWith}),
 * typed so that a spec check reports it at its field without reading the message.
 *
 * @param field   the spec field, e.g. {@code model.optimizer}
 * @param message what the trainer cannot do and what it accepts instead, without the field
 */
public record CapabilityProblem(String field, String message) {

    public CapabilityProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code field: message}. */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
