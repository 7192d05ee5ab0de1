package io.bloomfit.experiment.spec;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.NegativeSampling;
import io.bloomfit.host.Plugins;

import java.util.List;

/**
 * The {@code trainer} section's schema: {@code name} (a trainer, default {@code djl}), {@code device}
 * ({@code auto | cpu | gpu}, default {@code auto}), {@code threads} (intra-op threads, default 0: the engine
 * chooses; the count used is reported with every result), {@code negatives} ({@code uniform | popularity}, how an
 * implicit model's negatives are drawn, default {@code uniform}), {@code options} (the trainer's own options,
 * {@code {name: value, ...}}, checked against what the trainer declares ({@code TrainerCapabilities.options()}) and
 * completed with its defaults by {@link SpecBinder}; the canonical form writes every one, and leaves the key out for
 * a trainer that declares none).
 */
final class TrainerSection {

    static final SpecKey<TrainerSpec, String> NAME = new SpecKey<>("name", SpecTypes.text(), "djl",
            TrainerSpec::name);
    static final SpecKey<TrainerSpec, DeviceChoice> DEVICE = new SpecKey<>("device",
            SpecTypes.choice(DeviceChoice.class), DeviceChoice.AUTO, TrainerSpec::device);
    static final SpecKey<TrainerSpec, Integer> THREADS = new SpecKey<>("threads",
            SpecTypes.intNumber(0, 4096, "must be 0 (engine's choice) or a thread count"), 0, TrainerSpec::threads);

    static final SpecKey<TrainerSpec, NegativeSampling> NEGATIVES = new SpecKey<>("negatives",
            SpecTypes.choice(NegativeSampling.class), NegativeSampling.UNIFORM, TrainerSpec::negatives);

    static final SpecKey<TrainerSpec, PluginOptions> OPTIONS = new SpecKey<>("options", SpecTypes.options(),
            PluginOptions.NONE, t -> t.options().isEmpty() ? null : t.options());

    static final Section<TrainerSpec> SCHEMA = new Section<>("trainer", List.of(NAME, DEVICE, THREADS, NEGATIVES,
            OPTIONS));

    private TrainerSection() {
    }

    /**
     * Binds the section; the trainer must be installed in {@code plugins}. Its options are read as given: the
     * binder checks and resolves them against the trainer.
     */
    static TrainerSpec bind(Section.Values<TrainerSpec> values, Plugins plugins) {
        String name = values.get(NAME);
        SpecBinder.pluginName(plugins.trainers(), name, values, NAME);
        return new TrainerSpec(name, values.get(DEVICE), values.get(THREADS), values.get(NEGATIVES),
                values.get(OPTIONS));
    }
}
