package io.bloomfit.spark;

import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.host.Plugins;
import java.nio.file.Path;

/**
 * The plugins an executor resolves a sweep's names in: the built-ins on its class path (which include jars given
 * to {@code spark-submit --jars}, as the task's context class loader sees them) plus the drop-in plugin directory
 * the driver shipped with the job, each plugin in its own class loader as in the CLI.
 */
final class ExecutorPlugins {

    private ExecutorPlugins() {
    }

    /** Opens {@code directory} ({@code null}: built-ins only). */
    static Plugins load(Path directory) {
        PluginDirectory plugins = directory == null ? PluginDirectory.none() : PluginDirectory.of(directory);
        return new Plugins(
                PluginRegistry.load(HashFunction.class, HashFunction::name, "hash function", plugins),
                PluginRegistry.load(EmbeddingCompressor.class, EmbeddingCompressor::name, "compressor", plugins),
                PluginRegistry.load(Trainer.class, Trainer::name, "trainer", plugins));
    }

    /**
     * Why {@code point} cannot run with {@code plugins}, naming the first missing plugin and what is installed, or
     * {@code null} when the trainer, the compressor and the hash function are all there. The untrained reference
     * points ({@code popularity}, {@code random}) need no plugin.
     */
    static String missing(Plugins plugins, GridPoint point, String trainer) {
        if (point.reference()) {
            return null;
        }
        if (!plugins.trainers().contains(trainer)) {
            return describe("trainer", trainer, plugins.trainers());
        }
        if (!plugins.compressors().contains(point.compressor())) {
            return describe("compressor", point.compressor(), plugins.compressors());
        }
        if (point.hash() != null && !plugins.hashes().contains(point.hash())) {
            return describe("hash function", point.hash(), plugins.hashes());
        }
        return null;
    }

    private static String describe(String kind, String name, PluginRegistry<?> registry) {
        return kind + " '" + name + "' is not installed here (installed: " + String.join(", ", registry.available())
                + "); ship its jar with spark-submit --jars, or put it in the driver's plugin directory ("
                + PluginDirectory.PROPERTY + " / " + PluginDirectory.ENVIRONMENT + "), which is shipped with the job";
    }
}
