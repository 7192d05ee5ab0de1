package io.bloomfit.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What every task of one sweep needs to rebuild the driver's experiment on an executor: the validated spec as
 * canonical JSON (dataset paths made absolute), and where the driver's drop-in plugins were shipped.
 *
 * @param name         the spec's name, for messages
 * @param specJson     the spec as {@link io.bloomfit.experiment.spec.ExperimentSpec#source()} (defaults filled in)
 * @param trainer      the spec's trainer name, checked on the executor before the spec is read there
 * @param threads      the trainer threads the spec asks for (reported in a row that never reached the trainer)
 * @param pluginsShipped the name under which the driver shipped its plugin directory with the job
 *                     ({@code SparkContext.addArchive}), or {@code null} when it had no drop-in plugins
 */
public record SweepJob(String name, String specJson, String trainer, int threads, String pluginsShipped)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SweepJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(trainer, "trainer");
    }
}
