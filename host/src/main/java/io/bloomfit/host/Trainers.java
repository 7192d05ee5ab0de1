package io.bloomfit.host;

import io.bloomfit.api.train.Trainer;

import java.util.Set;

/**
 * Name-keyed lookup of the {@link Trainer} providers in the process-wide registry (built-in and dropped in as
 * jars): a convenience for programs and tests with one registry. Code that is handed a registry
 * ({@link Plugins}) resolves names there instead.
 */
public final class Trainers {

    /** The kind, as used in messages. */
    public static final String KIND = "trainer";

    private Trainers() {
    }

    /**
     * The trainer registered under {@code name}.
     *
     * @throws io.bloomfit.api.plugin.UnknownPluginException naming every available trainer when none has that name
     */
    public static Trainer forName(String name) {
        return registry().forName(name);
    }

    /** Names of every available trainer, sorted. */
    public static Set<String> available() {
        return registry().available();
    }

    /** The registry behind this facade, with each provider's source and load problems. */
    public static PluginRegistry<Trainer> registry() {
        return PluginRegistry.shared(Trainer.class, Trainer::name, KIND);
    }
}
