package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.engine.factorization.testing.PlantedGroups;
import io.bloomfit.host.EmbeddingCompressors;

/** Small data and specs made in the tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@link PlantedGroups#interactions}: user u interacts with {@code perUser} random items of parity u % 2. */
    static Interactions twoGroups(int users, int items, int perUser, long seed) {
        return PlantedGroups.interactions(users, items, perUser, seed);
    }

    static EmbeddingLayout plain(int n, int dimension) {
        return EmbeddingCompressors.layout("plain", LayoutRequest.plain(n, dimension));
    }

    static ModelSpec spec(Loss loss, OptimizerKind optimizer, int dimension, int epochs, int batch, double lr,
                          long seed) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, loss, dimension,
                        false, NetworkSpec.defaults()),
                new Optimization(optimizer, lr, 0.0, epochs, batch, Negatives.uniform(5), seed),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
    }

    static FitRequest plainRequest(ModelSpec spec, Interactions train) {
        return new FitRequest(spec, train, plain(train.numUsers(), spec.architecture().dimension()),
                plain(train.numItems(), spec.architecture().dimension()));
    }

    /** {@link PlantedGroups#auc}: the AUC of the planted structure from the model's scores. */
    static double plantedAuc(io.bloomfit.api.train.TrainedModel model, Interactions train) {
        return PlantedGroups.auc(model, train);
    }
}
