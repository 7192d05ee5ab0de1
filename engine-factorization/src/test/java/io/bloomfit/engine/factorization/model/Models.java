package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.host.EmbeddingCompressors;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Models with random (untrained) parameters, for tests of scoring and files that need no fit. */
final class Models {

    private Models() {
    }

    static ModelSpec spec(int dimension, boolean compressBiases) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.ADAPTIVE_HINGE, dimension,
                        compressBiases, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 0.05, 0.001, 2, 16, Negatives.uniform(3), 8),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
    }

    /** A model over {@code users} and {@code items} with every parameter drawn from N(0, 0.5^2). */
    static FactorizationModel random(EmbeddingLayout users, EmbeddingLayout items, ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return model(users, items, spec, () -> (float) (0.5 * random.nextGaussian()));
    }

    /**
     * A model whose parameters are each -1, 0 or 1 (seeded): scores are small sums of halves and whole numbers,
     * so many of a user's items tie exactly.
     */
    static FactorizationModel tied(EmbeddingLayout users, EmbeddingLayout items, ModelSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return model(users, items, spec, () -> random.nextInt(3) - 1);
    }

    private static FactorizationModel model(EmbeddingLayout users, EmbeddingLayout items, ModelSpec spec,
                                            DoubleSupplier parameter) {
        ModelParameters.Plans plans = ModelParameters.plans(users, items, spec.architecture().compressBiases());
        TableShapes shapes = ModelParameters.shapes(plans, spec.architecture().dimension());
        float[][] tables = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            tables[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
            for (int i = 0; i < tables[t.ordinal()].length; i++) {
                tables[t.ordinal()][i] = (float) parameter.getAsDouble();
            }
        }
        FitReport report = new FitReport(new double[] {0.5, 0.25}, new double[] {0.9, 0.7}, "cpu", 1,
                shapes.totalFloats());
        return new FactorizationModel(spec, users, items, new ModelParameters(plans, shapes, tables), report,
                new ModelOrigin("cpu", null));
    }

    static EmbeddingLayout plain(int n, int dimension) {
        return EmbeddingCompressors.layout("plain", LayoutRequest.plain(n, dimension));
    }

    static EmbeddingLayout bloom(int n, int dimension, long seed) {
        return EmbeddingCompressors.layout("bloom", new LayoutRequest(n, dimension, 0.5, 2, "xxh3", seed));
    }

    /**
     * {@code model}'s sizes and {@link TrainedModel#scoreAll} and nothing else of it: its {@code score} and
     * {@code recommend} are {@link TrainedModel}'s defaults, to compare an override with.
     */
    static TrainedModel defaultsOf(TrainedModel model) {
        return new TrainedModel() {
            @Override
            public int numUsers() {
                return model.numUsers();
            }

            @Override
            public int numItems() {
                return model.numItems();
            }

            @Override
            public float[][] scoreAll(int[] users) {
                return model.scoreAll(users);
            }

            @Override
            public void save(Path directory) {
                throw new UnsupportedOperationException("compares scores only");
            }

            @Override
            public FitReport report() {
                return model.report();
            }

            @Override
            public void close() {
            }
        };
    }
}
