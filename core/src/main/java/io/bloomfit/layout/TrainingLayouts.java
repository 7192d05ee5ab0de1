package io.bloomfit.layout;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginLookup;

/**
 * The layouts of a factorization model's two sides, built from the training part of a split: the one way the
 * runner and the library build them. A compressor that {@linkplain EmbeddingCompressor#usesTrainingCounts() uses
 * training counts} gets the side's counts from {@code train}; one that {@linkplain
 * EmbeddingCompressor#usesTrainingData() builds from training data} gets {@code train} with the side's entities as
 * its items (transposed for the user side). Never pass test interactions: a layout built from them would leak them
 * into the model.
 */
public final class TrainingLayouts {

    private TrainingLayouts() {
    }

    /** The user side's layout of {@code compressor} for {@code request} (which covers {@code train}'s users). */
    public static EmbeddingLayout users(PluginLookup plugins, String compressor, LayoutRequest request,
                                        Interactions train) {
        return build(plugins, compressor, request, train, false);
    }

    /** The item side's layout of {@code compressor} for {@code request} (which covers {@code train}'s items). */
    public static EmbeddingLayout items(PluginLookup plugins, String compressor, LayoutRequest request,
                                        Interactions train) {
        return build(plugins, compressor, request, train, true);
    }

    private static EmbeddingLayout build(PluginLookup plugins, String name, LayoutRequest request,
                                         Interactions train, boolean itemSide) {
        EmbeddingCompressor compressor = plugins.providers(EmbeddingCompressor.class).forName(name);
        var hashes = plugins.providers(HashFunction.class);
        if (compressor.usesTrainingCounts()) {
            request = request.withTrainingCounts(itemSide ? train.itemCounts() : train.userCounts());
        }
        if (!compressor.usesTrainingData()) {
            return Layouts.build(compressor, request, hashes);
        }
        Interactions training = itemSide ? train : new Interactions(train.numItems(), train.numUsers(),
                train.itemArray(), train.userArray(), null, null);
        return Layouts.build(compressor, request, hashes, training);
    }
}
