package io.bloomfit.host;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.NamedProviders;
import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.train.Trainer;

import java.util.Objects;

/**
 * The registries an application resolves names against, passed around rather than looked up globally: the CLI,
 * the server and a Spark executor each hold one, and hand it to everything that resolves a hash function,
 * compressor or trainer by name, loading saved models included ({@link PluginLookup}).
 *
 * <p>{@link #shared()} gives the process-wide registries (built-in providers plus the configured plugin
 * directory); {@link #load(PluginDirectory)} opens a directory of its own; tests build one from their own
 * registries.
 *
 * @param hashes      hash functions
 * @param compressors embedding compressors
 * @param trainers    trainers
 */
public record Plugins(PluginRegistry<HashFunction> hashes, PluginRegistry<EmbeddingCompressor> compressors,
                      PluginRegistry<Trainer> trainers) implements PluginLookup {

    public Plugins {
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(compressors, "compressors");
        Objects.requireNonNull(trainers, "trainers");
    }

    /** The shared registries: built-in providers plus the configured plugin directory. */
    public static Plugins shared() {
        return new Plugins(HashFunctions.registry(), EmbeddingCompressors.registry(), Trainers.registry());
    }

    /** The built-in providers plus those of {@code directory}, opened once for all three SPIs. */
    public static Plugins load(PluginDirectory directory) {
        return new Plugins(
                PluginRegistry.load(HashFunction.class, HashFunction::name, HashFunctions.KIND, directory),
                PluginRegistry.load(EmbeddingCompressor.class, EmbeddingCompressor::name, EmbeddingCompressors.KIND,
                        directory),
                PluginRegistry.load(Trainer.class, Trainer::name, Trainers.KIND, directory));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> NamedProviders<T> providers(Class<T> spi) {
        if (spi == HashFunction.class) {
            return (NamedProviders<T>) hashes;
        }
        if (spi == EmbeddingCompressor.class) {
            return (NamedProviders<T>) compressors;
        }
        if (spi == Trainer.class) {
            return (NamedProviders<T>) trainers;
        }
        throw new IllegalArgumentException("no registry of " + spi.getName() + "; plugins are hash functions, "
                + "compressors and trainers");
    }
}
