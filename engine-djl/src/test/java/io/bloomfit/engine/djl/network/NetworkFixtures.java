package io.bloomfit.engine.djl.network;

import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkActivation;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.OptimizerKind;

import java.util.List;

/** Specs and requests shared by the network tests. */
final class NetworkFixtures {

    private NetworkFixtures() {
    }

    /** A bloom-network spec on the CPU with one engine thread. */
    static ModelSpec spec(List<Integer> hidden, double dropout, int epochs, int batch, double learningRate,
                          long seed) {
        return ModelSpec.defaults()
                .withArchitecture(a -> a.withKind(ModelKind.BLOOM_NETWORK).withLoss(Loss.POINTWISE)
                        .withNetwork(new NetworkSpec(hidden, NetworkActivation.RELU, dropout)))
                .withOptimization(o -> o.withOptimizer(OptimizerKind.ADAM).withLearningRate(learningRate)
                        .withEpochs(epochs).withBatchSize(batch).withSeed(seed))
                .withTrainer(t -> t.withDevice(DeviceChoice.CPU).withThreads(1));
    }

    /** A request whose item side is {@code items} (users plain: the network does not read them). */
    static FitRequest request(ModelSpec spec, Interactions train, EmbeddingLayout items) {
        EmbeddingLayout users = EmbeddingCompressors.layout("plain", LayoutRequest.plain(train.numUsers(), 1));
        return new FitRequest(spec, train, users, items);
    }

    /** The layout of {@code compressor} over the items of {@code train}. */
    static EmbeddingLayout items(String compressor, Interactions train, double ratio, int k, long seed) {
        return Layouts.build(EmbeddingCompressors.forName(compressor),
                new LayoutRequest(train.numItems(), 1, ratio, k, compressor.equals("plain") ? null : "xxh64", seed),
                io.bloomfit.host.HashFunctions.registry(), train);
    }
}
