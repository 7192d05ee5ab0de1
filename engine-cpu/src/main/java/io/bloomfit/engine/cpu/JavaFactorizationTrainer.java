package io.bloomfit.engine.cpu;

import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.FitLoop;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.ModelFiles;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ParameterInitializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the pure-Java trainers of this module share: a name and declared capabilities, the initializer embedding
 * tables start from, a fit that is checked against the capabilities ({@link FitLoop#validate}) before anything
 * runs, a report that names the {@code cpu} device, and loading from any factorization model directory. A trainer
 * says only how a checked request is trained ({@link #train}).
 */
abstract class JavaFactorizationTrainer implements Trainer {

    /** What the report names as the device. */
    static final String DEVICE = "cpu";

    private final String name;
    private final TrainerCapabilities capabilities;
    private final ParameterInitializer initializer;

    JavaFactorizationTrainer(String name, TrainerCapabilities capabilities, ParameterInitializer initializer) {
        this.name = name;
        this.capabilities = capabilities;
        this.initializer = Objects.requireNonNull(initializer, "initializer");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final TrainerCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final FactorizationModel fit(FitRequest request, TrainingListener listener) {
        Objects.requireNonNull(request, "request");
        FitLoop.validate(request, capabilities, name);
        return train(request, listener == null ? TrainingListener.NONE : listener, initializer,
                new ModelOrigin(name, null));
    }

    /** Trains {@code request}, already checked against the capabilities; the report names {@link #DEVICE}. */
    abstract FactorizationModel train(FitRequest request, TrainingListener listener, ParameterInitializer initializer,
                                      ModelOrigin origin);

    @Override
    public final TrainedModel load(Path directory, PluginLookup plugins) throws IOException {
        return ModelFiles.load(directory, plugins);
    }
}
