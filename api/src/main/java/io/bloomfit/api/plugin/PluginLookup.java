package io.bloomfit.api.plugin;

/**
 * The registries in use, by SPI: what a trainer is handed to rebuild the layouts of a saved model (their
 * compressors and hash functions), and what a host passes around instead of a process-wide registry. Keyed by
 * the SPI's class, so that this package depends on none of the SPI packages.
 *
 * <p>An implementation must answer every SPI of this contract ({@code HashFunction}, {@code EmbeddingCompressor},
 * {@code Trainer}) and must be thread-safe.
 */
@FunctionalInterface
public interface PluginLookup {

    /**
     * The providers of {@code spi} in use.
     *
     * @throws IllegalArgumentException when this lookup holds no providers of {@code spi} (a caller bug)
     */
    <T> NamedProviders<T> providers(Class<T> spi);
}
