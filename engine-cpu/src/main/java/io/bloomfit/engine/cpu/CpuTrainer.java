package io.bloomfit.engine.cpu;

import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.LayoutFeature;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.engine.factorization.model.GaussianInitializer;
import io.bloomfit.engine.factorization.model.ModelOrigin;
import io.bloomfit.engine.factorization.model.ParameterInitializer;
import io.bloomfit.engine.factorization.step.FusedSparseFit;

import java.util.EnumSet;

/**
 * The {@code cpu} trainer: implicit and explicit factorization models (score = &lt;U(u), V(i)&gt; + b_u + b_i) on
 * any {@link io.bloomfit.api.embed.EmbeddingLayout}, trained with the row-sparse optimizers ({@code sparse-adam},
 * {@code sparse-adagrad}, {@code sgd}) or dense {@code adam} by the closed-form fused step on Java arrays, and
 * scored in Java. No native code: it runs wherever a JDK does, without libtorch.
 *
 * <p>For a sparse optimizer it runs exactly the fit the {@code djl} trainer runs on the CPU
 * ({@link FusedSparseFit}: same initialisation, batches, negatives and arithmetic), so both give the same
 * parameters for the same spec. Dense {@code adam} is the fused dense Adam (every row's parameters and moments
 * updated every step in one pass over the table, DJL's and PyTorch's formula): the seed's dense setting, where a
 * step costs the table's size and nothing else. No GPU.
 *
 * <p>Fits may run concurrently in one JVM: a fit keeps all its state in its own objects (row work goes to the
 * common fork-join pool, shared but stateless). Models load from any factorization model directory, including
 * those saved by the {@code djl} trainer.
 */
public final class CpuTrainer extends JavaFactorizationTrainer {

    /** The name users put in specs. */
    public static final String NAME = "cpu";

    private static final TrainerCapabilities CAPABILITIES = new TrainerCapabilities(true,
            EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU),
            EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION, ModelKind.EXPLICIT_FACTORIZATION),
            EnumSet.of(OptimizerKind.ADAM, OptimizerKind.SPARSE_ADAM, OptimizerKind.SPARSE_ADAGRAD, OptimizerKind.SGD),
            // the fused step learns trainable lookup weights (hash-embedding); encoders (dhe) need autograd
            EnumSet.of(LayoutFeature.TRAINABLE_WEIGHTS, LayoutFeature.CONCATENATED_ROWS));

    /** The trainer with Spotlight's initialisation ({@link GaussianInitializer}); used by ServiceLoader. */
    public CpuTrainer() {
        this(GaussianInitializer.INSTANCE);
    }

    /** A trainer that starts embedding tables from {@code initializer} (biases always start at zero). */
    public CpuTrainer(ParameterInitializer initializer) {
        super(NAME, CAPABILITIES, initializer);
    }

    @Override
    FactorizationModel train(FitRequest request, TrainingListener listener, ParameterInitializer initializer,
                             ModelOrigin origin) {
        return FusedSparseFit.fit(request, listener, initializer, DEVICE, origin);
    }
}
