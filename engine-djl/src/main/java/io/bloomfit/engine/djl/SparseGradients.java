package io.bloomfit.engine.djl;

import ai.djl.Device;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code djl} trainer's option {@value #OPTION} ({@code trainer.options: {sparseGradients: fused|autograd}}):
 * how the steps of a sparse optimizer ({@code sparse-adam}, {@code sparse-adagrad}, {@code sgd}) compute their
 * gradients on the CPU. {@code fused} (the default) is the shared closed-form step of the {@code cpu} trainer;
 * {@code autograd} runs the engine's autograd, to compare the two. Dense {@code adam}, a GPU and encoder layouts
 * always use the engine, whatever the option says.
 *
 * <p>The system property {@value #PROPERTY} is the option's deprecated alias: when set, its value is the option's
 * default (so it applies where a spec does not give the option, and results record the value used), and a note
 * saying to use the option instead is logged once per JVM.
 */
final class SparseGradients {

    static final String OPTION = "sparseGradients";
    static final String FUSED = "fused";
    static final String AUTOGRAD = "autograd";
    /** The deprecated system property that used to choose the path. */
    static final String PROPERTY = "bloomfit.djl.sparseGradients";

    private static final List<String> CHOICES = List.of(FUSED, AUTOGRAD);
    private static final System.Logger LOG = System.getLogger(SparseGradients.class.getName());
    private static final AtomicBoolean NOTED = new AtomicBoolean();

    private SparseGradients() {
    }

    /**
     * The option's declaration: default {@code fused}, or the value of the deprecated {@value #PROPERTY} when set.
     *
     * @throws IllegalArgumentException when the property is set to something else than {@code fused} or
     *                                  {@code autograd}
     */
    static PluginOption option() {
        String alias = System.getProperty(PROPERTY);
        String fallback = FUSED;
        if (alias != null) {
            if (!CHOICES.contains(alias)) {
                throw new IllegalArgumentException("system property " + PROPERTY + " must be 'fused' or 'autograd', "
                        + "was '" + alias + "'; it is deprecated: remove it and set trainer.options: {" + OPTION
                        + ": fused|autograd} in the spec instead");
            }
            fallback = alias;
            if (NOTED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "system property " + PROPERTY + " is deprecated; use trainer."
                        + "options: {" + OPTION + ": " + alias + "} in the spec instead (until then it is the "
                        + "default of specs that do not set " + OPTION + ")");
            }
        }
        return PluginOption.choice(OPTION, fallback, CHOICES, "how sparse-optimizer steps compute gradients on the "
                + "CPU: fused (closed form in Java, the cpu trainer's step) or autograd (the engine's); dense adam, "
                + "a GPU and dhe layouts always use autograd");
    }

    /**
     * Whether sparse-optimizer steps on {@code device} use the fused Java step rather than the engine's autograd:
     * on the CPU when {@code options} (resolved) say {@code fused}.
     */
    static boolean fused(PluginOptions options, Device device) {
        return options.choice(OPTION).equals(FUSED) && Device.Type.CPU.equals(device.getDeviceType());
    }
}
