package io.bloomfit.engine.cpu;

import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.LayoutFeature;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.cpu.hogwild.HogwildFit;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.GaussianInitializer;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ParameterInitializer;

import java.util.EnumSet;

/**
 * The {@code hogwild} trainer: the factorization models of the {@code djl} and {@code cpu} trainers (implicit with
 * pointwise, bpr, hinge or adaptive-hinge; explicit with squared error; any row-lookup layout and combiner,
 * concatenated blocks (robe) and trained lookup weights (hash-embedding) included; not encoders) trained by
 * per-example SGD or Adagrad, lock-free across {@code trainer.threads} threads over primitive float arrays, as
 * {@code implicit}'s BPR trains (Hogwild, Recht et al. 2011). Plain Java, no native code.
 *
 * <p>Everything but the update comes from {@code engine-factorization}: initialisation, batches and negatives
 * (uniform, or by popularity with {@code trainer.negatives: popularity}), lookups, the model, its scoring, files
 * and ONNX export, so a hogwild model is scored, saved and served by the code that serves the others. One thread
 * gives the same model for the same spec every time; more threads give results that vary within noise
 * ({@link HogwildFit}). The learning rate applies to each example's gradient, so it is not comparable with a
 * batched trainer's: tune it on its own.
 *
 * <p>Fits may run concurrently in one JVM (each fit owns its tables and threads).
 */
public final class HogwildTrainer extends JavaFactorizationTrainer {

    /** The name users put in specs. */
    public static final String NAME = "hogwild";

    private static final TrainerCapabilities CAPABILITIES = new TrainerCapabilities(true,
            EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU),
            EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION, ModelKind.EXPLICIT_FACTORIZATION),
            EnumSet.of(OptimizerKind.SGD, OptimizerKind.SPARSE_ADAGRAD),
            EnumSet.of(LayoutFeature.TRAINABLE_WEIGHTS, LayoutFeature.CONCATENATED_ROWS));

    /** The trainer with Spotlight's initialisation ({@link GaussianInitializer}); used by ServiceLoader. */
    public HogwildTrainer() {
        this(GaussianInitializer.INSTANCE);
    }

    /** A trainer that starts embedding tables from {@code initializer} (biases always start at zero). */
    public HogwildTrainer(ParameterInitializer initializer) {
        super(NAME, CAPABILITIES, initializer);
    }

    @Override
    FactorizationModel train(FitRequest request, TrainingListener listener, ParameterInitializer initializer,
                             ModelOrigin origin) {
        return HogwildFit.fit(request, listener, initializer, DEVICE, origin);
    }
}
