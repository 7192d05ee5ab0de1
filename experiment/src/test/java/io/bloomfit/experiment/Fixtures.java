package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.host.PluginDirectory;
import io.bloomfit.host.PluginRegistry;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainedModel;
import java.util.List;

/** Small data and a simple evaluation for runner tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** 20 users x 30 items; user u saw items (7u + 3j) mod 30 for j < 6, the last one held out. */
    public static ExperimentData data() {
        int users = 20;
        int items = 30;
        int[] trainU = new int[users * 5];
        int[] trainI = new int[users * 5];
        int[] testU = new int[users];
        int[] testI = new int[users];
        for (int u = 0; u < users; u++) {
            for (int j = 0; j < 6; j++) {
                int item = (7 * u + 3 * j) % items;
                if (j < 5) {
                    trainU[u * 5 + j] = u;
                    trainI[u * 5 + j] = item;
                } else {
                    testU[u] = u;
                    testI[u] = item;
                }
            }
        }
        return new ExperimentData(new Interactions(users, items, trainU, trainI, null, null),
                new Interactions(users, items, testU, testI, null, null), "fixture: 20 users, 30 items");
    }

    /** MRR of the single held-out item per user among the items the user did not train on. */
    public static final Evaluation EVALUATION = (TrainedModel model, Interactions train, Interactions test) -> {
        double sum = 0;
        for (int i = 0; i < test.size(); i++) {
            int u = test.user(i);
            float[] scores = model.scoreAll(new int[] {u})[0];
            float target = scores[test.item(i)];
            int rank = 1;
            for (int item = 0; item < scores.length; item++) {
                if (scores[item] > target && !train.userItems().contains(u, item)) {
                    rank++;
                }
            }
            sum += 1.0 / rank;
        }
        double mrr = sum / test.size();
        return new RankingMetrics(mrr, mrr / 10, mrr / 2, mrr / 3);
    };

    public static final String SPEC = """
            name: fixture-run
            dataset: {source: synthetic, preset: synthetic-ml100k}
            split: {kind: random, test: 0.2, seed: 42}
            model: {kind: implicit-factorization, loss: bpr, dimension: 4, epochs: 2, batchSize: 16,
                    learningRate: 0.01, l2: 1.0e-6, optimizer: adam, seed: 1}
            trainer: {name: fixture, device: cpu}
            grid:
              compressor: [fixture-modulo]
              hash: [fixture-mix, fixture-linear]
              ratio: [0.5, 0.1]
              hashes: [2]
              sides: [both]
              repeats: 1
            """;

    /**
     * Registries holding only the test fixtures, found through a class loader over the
     * {@code experiment-fixtures} resource folder: registering them on the test class path itself would show
     * them to every other api test.
     */
    public static final Plugins PLUGINS = loadPlugins();

    private static Plugins loadPlugins() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            java.net.URL folder = Fixtures.class.getResource("/experiment-fixtures/");
            ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {folder}, Fixtures.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            PluginDirectory none = PluginDirectory.none();
            return new Plugins(
                    PluginRegistry.load(HashFunction.class, HashFunction::name, "hash function", none),
                    PluginRegistry.load(EmbeddingCompressor.class, EmbeddingCompressor::name, "compressor", none),
                    PluginRegistry.load(Trainer.class, Trainer::name, "trainer", none));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    public static ExperimentSpec read(String yaml, String source, String... overrides) {
        return SpecReader.read(yaml, source, false, "test", null, List.of(overrides), PLUGINS);
    }

    public static ExperimentSpec spec(String... overrides) {
        return SpecReader.read(SPEC, "fixture.yaml", false, "fixture", null, List.of(overrides), PLUGINS);
    }
}
