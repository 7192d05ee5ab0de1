package io.bloomfit.engine.factorization.model;

import java.util.Objects;

/**
 * Who wrote a model: the trainer's name, written into the manifest's {@code trainer} field, and the version of the
 * DJL library the fit ran on ({@code djlVersion}; {@code null} for trainers that do not use DJL). A loaded model
 * keeps the origin of the fit that made it, so saving it again writes the same values.
 *
 * @param trainer    the trainer's spec name, e.g. {@code djl} or {@code cpu}
 * @param djlVersion DJL's version, or {@code null}
 */
public record ModelOrigin(String trainer, String djlVersion) {

    public ModelOrigin {
        Objects.requireNonNull(trainer, "trainer");
    }
}
