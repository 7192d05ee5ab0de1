package io.bloomfit.api.train;

import io.bloomfit.api.plugin.PluginRegistry;

import java.util.Set;

/** Name-keyed lookup of the {@link Trainer} providers, built-in and dropped in as jars. */
public final class Trainers {

    private Trainers() {
    }

    /**
     * The trainer registered under {@code name}.
     *
     * @throws IllegalArgumentException naming every available trainer when none has that name
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
        return PluginRegistry.shared(Trainer.class, Trainer::name, "trainer");
    }
}
