package io.bloomfit.experiment;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingCompressors;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.hash.HashFunctions;
import io.bloomfit.api.plugin.PluginRegistry;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.Trainers;
import java.util.Objects;

/**
 * The registries an experiment resolves names against: the process-wide ones by default, or others (a server
 * with a per-request plugin directory, tests with their own providers).
 *
 * @param hashes      hash functions
 * @param compressors embedding compressors
 * @param trainers    trainers
 */
public record Plugins(PluginRegistry<HashFunction> hashes, PluginRegistry<EmbeddingCompressor> compressors,
                      PluginRegistry<Trainer> trainers) {

    public Plugins {
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(compressors, "compressors");
        Objects.requireNonNull(trainers, "trainers");
    }

    /** The shared registries: built-in providers plus the configured plugin directory. */
    public static Plugins shared() {
        return new Plugins(HashFunctions.registry(), EmbeddingCompressors.registry(), Trainers.registry());
    }
}
