package io.bloomfit.api.plugin;

import java.util.Set;

/**
 * The providers of one SPI, keyed by name, as a host hands them out: what a compressor, a trainer loading a saved
 * model, or a runner resolves a name against. The host implements it (built-in providers plus drop-in plugins);
 * tests implement it with a fixed map. The contract holds no registry of its own, so that one experiment never
 * resolves names against two registries by accident.
 *
 * <p>An implementation must be thread-safe and must give the same provider for the same name for as long as it
 * is in use: results and saved models name providers, and a name that resolved once must resolve alike again.
 *
 * @param <T> the SPI type
 */
public interface NamedProviders<T> {

    /** The kind of provider, as used in messages: "hash function", "compressor", "trainer". */
    String kind();

    /**
     * The provider named {@code name}.
     *
     * @throws UnknownPluginException when there is none; the message lists every available name
     */
    T forName(String name);

    /** Every name, sorted. */
    Set<String> available();

    /** Whether a provider has this name. */
    default boolean contains(String name) {
        return name != null && available().contains(name);
    }
}
