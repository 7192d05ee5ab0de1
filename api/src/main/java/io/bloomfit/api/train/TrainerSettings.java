package io.bloomfit.api.train;

import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;
import java.util.Objects;

/**
 * Where and how the trainer runs a fit (the {@code trainer} section's {@code device}, {@code threads} and
 * {@code options}). Part of a {@link ModelSpec}.
 *
 * <p>{@code options} are the trainer's own options ({@link TrainerCapabilities#options()}): a spec check resolves
 * them against the trainer's declaration ({@link #resolved(List)}), so a fit of a spec receives every declared
 * option with the value it runs with, and results and saved models record that value. A trainer must resolve what
 * it is given the same way before reading it (a caller may pass {@link PluginOptions#NONE}: every default).
 *
 * @param device  where to train
 * @param threads intra-op threads for the engine, 0 to let the engine choose (reported with results)
 * @param options the trainer's options by name, normally resolved (see above)
 */
public record TrainerSettings(DeviceChoice device, int threads, PluginOptions options) {

    public TrainerSettings {
        Objects.requireNonNull(device, "trainer.device");
        Objects.requireNonNull(options, "trainer.options");
        ModelSpec.requireAtLeast("trainer.threads", threads, 0);
    }

    /** The device the engine prefers, its own choice of threads, no options given. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(DeviceChoice.AUTO, 0, PluginOptions.NONE);
    }

    /**
     * These settings with {@code options} resolved against {@code declared}: every declared option, given or
     * default, normalised to its type.
     *
     * @throws IllegalArgumentException naming the option when one is unknown or its value is not allowed
     */
    public TrainerSettings resolved(List<PluginOption> declared) {
        return withOptions(options.resolved(declared));
    }

    public TrainerSettings withDevice(DeviceChoice value) {
        return new TrainerSettings(value, threads, options);
    }

    public TrainerSettings withThreads(int value) {
        return new TrainerSettings(device, value, options);
    }

    public TrainerSettings withOptions(PluginOptions value) {
        return new TrainerSettings(device, threads, value);
    }
}
