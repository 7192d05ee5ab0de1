package io.bloomfit.api.train;

import io.bloomfit.api.plugin.PluginLookup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fits models on compressed embedding layouts. Providers register through {@link java.util.ServiceLoader} and
 * are looked up by name in the registry a host hands out ({@link io.bloomfit.api.plugin.NamedProviders}).
 */
public interface Trainer {

    /** The stable name users put in specs, e.g. {@code "djl"}; must match {@code [a-z0-9][a-z0-9_-]{0,63}}. */
    String name();

    /**
     * What this trainer can do. Runners read it (never the trainer's name) to decide whether fits may overlap, and
     * spec checks reject a model this trainer cannot fit before anything runs. The default,
     * {@link TrainerCapabilities#undeclared()}, is for trainers written before capabilities were declared.
     */
    default TrainerCapabilities capabilities() {
        return TrainerCapabilities.undeclared();
    }

    /**
     * Fits {@code request.model()} on {@code request.train()}.
     *
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws TrainingCancelledException when {@code listener.stopRequested()} answered true before a step
     * @throws IllegalArgumentException  when the spec asks for something this trainer cannot do
     */
    TrainedModel fit(FitRequest request, TrainingListener listener);

    /**
     * Loads a model written by {@link TrainedModel#save(Path)} of this trainer, rebuilding its layouts with the
     * compressors and hash functions of {@code plugins}: the registry in use, never a process-wide one, so that a
     * model loads with the same providers the application resolves every other name with.
     *
     * @throws IOException when files are missing or unreadable, the manifest is of an unknown version, or it names a
     *                     compressor or hash function that {@code plugins} does not hold
     */
    TrainedModel load(Path directory, PluginLookup plugins) throws IOException;
}
