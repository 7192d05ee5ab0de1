package io.bloomfit.library;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.CapabilityProblem;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.eval.EvaluationResult;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.host.Plugins;
import io.bloomfit.layout.TrainingLayouts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A factorization model fitted on training interactions: what {@link #implicit()} or {@link #explicit()} settings
 * give when {@link Settings#fit fitted}. It scores, recommends and is evaluated exactly as a grid point of
 * {@code bloomfit run} is (the same layouts, trainer and evaluator); it holds native memory with the {@code djl}
 * trainer, so close it.
 */
public final class Recommender implements AutoCloseable {

    private final TrainedModel model;
    private final Interactions train;

    private Recommender(TrainedModel model, Interactions train) {
        this.model = model;
        this.train = train;
    }

    /**
     * Settings of an implicit-feedback factorization model (ranking), starting from the spec's defaults: loss
     * {@code pointwise}, dimension 32, 10 epochs, batch 256, dense Adam at 1e-2, l2 0, trainer {@code djl}, plain
     * embeddings on both sides.
     */
    public static Settings implicit() {
        return new Settings(ModelSpec.defaults(), Embedding.plain(), Embedding.plain(), "djl", Plugins.shared());
    }

    /** Settings of an explicit-feedback factorization model (rating regression, loss {@code regression}). */
    public static Settings explicit() {
        return implicit().change(spec -> spec.withArchitecture(a -> a.withKind(ModelKind.EXPLICIT_FACTORIZATION)
                .withLoss(Loss.REGRESSION)));
    }

    /**
     * Mean reciprocal rank of {@code test}: every item ranked for every user with test interactions, the user's
     * training items left out, ties averaged (as a result row's {@code mrr}).
     */
    public double mrr(Interactions test) {
        return evaluate(test).mrr();
    }

    /** Every ranking metric of {@code test} (MRR, precision, recall, NDCG and hit rate at 10, AUC), as a run does. */
    public EvaluationResult evaluate(Interactions test) {
        return new Evaluator().evaluate(model, train, test);
    }

    /** The {@code k} best items for {@code user} (an index of the training data), without the user's training items. */
    public int[] recommend(int user, int k) {
        UserItems seen = train.userItems();
        return model.recommend(user, k, seen.itemsOf(user));
    }

    /** The fitted model itself: scores in batches, saves itself. */
    public TrainedModel model() {
        return model;
    }

    /** Seconds and loss per epoch, device, threads and trainable floats of the fit. */
    public FitReport report() {
        return model.report();
    }

    /** Writes the model to {@code directory}; {@code bloomfit recommend} and the trainers load it. */
    public void save(Path directory) throws IOException {
        model.save(directory);
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * What to fit: the model's settings, each side's {@link Embedding}, the trainer. Immutable; each method returns a
     * changed copy, so one settings object can be fitted many times.
     */
    public static final class Settings {

        private final ModelSpec spec;
        private final Embedding users;
        private final Embedding items;
        private final String trainer;
        private final Plugins plugins;

        private Settings(ModelSpec spec, Embedding users, Embedding items, String trainer, Plugins plugins) {
            this.spec = spec;
            this.users = users;
            this.items = items;
            this.trainer = trainer;
            this.plugins = plugins;
        }

        private Settings change(UnaryOperator<ModelSpec> change) {
            return new Settings(change.apply(spec), users, items, trainer, plugins);
        }

        /** How users are embedded. */
        public Settings users(Embedding value) {
            return new Settings(spec, Objects.requireNonNull(value, "users"), items, trainer, plugins);
        }

        /** How items are embedded. */
        public Settings items(Embedding value) {
            return new Settings(spec, users, Objects.requireNonNull(value, "items"), trainer, plugins);
        }

        /** Floats per embedding. */
        public Settings dimension(int value) {
            return change(s -> s.withArchitecture(a -> a.withDimension(value)));
        }

        /** The loss by its spec name: {@code pointwise, bpr, hinge, adaptive-hinge, bpr-bounded, ...}. */
        public Settings loss(String name) {
            return change(s -> s.withArchitecture(a -> a.withLoss(Loss.fromSpec(name))));
        }

        /** Passes over the training data. */
        public Settings epochs(int value) {
            return change(s -> s.withOptimization(o -> o.withEpochs(value)));
        }

        /** Interactions per step. */
        public Settings batchSize(int value) {
            return change(s -> s.withOptimization(o -> o.withBatchSize(value)));
        }

        /** The step size. */
        public Settings learningRate(double value) {
            return change(s -> s.withOptimization(o -> o.withLearningRate(value)));
        }

        /** The L2 penalty on the embeddings a batch reads. */
        public Settings l2(double value) {
            return change(s -> s.withOptimization(o -> o.withL2(value)));
        }

        /** The optimizer by its spec name: {@code adam} (dense), {@code sparse-adam}, {@code sparse-adagrad}, {@code sgd}. */
        public Settings optimizer(String name) {
            return change(s -> s.withOptimization(o -> o.withOptimizer(OptimizerKind.fromSpec(name))));
        }

        /** Sampled negatives per positive (adaptive-hinge). */
        public Settings negatives(int count) {
            return change(s -> s.withOptimization(o -> o.withNegatives(new Negatives(count,
                    o.negatives().sampling()))));
        }

        /** The seed of initialisation, shuffling and negative sampling. */
        public Settings seed(long value) {
            return change(s -> s.withOptimization(o -> o.withSeed(value)));
        }

        /** The trainer by name: {@code djl} (DJL/PyTorch, the default), {@code cpu}, {@code hogwild}. */
        public Settings trainer(String name) {
            return new Settings(spec, users, items, Objects.requireNonNull(name, "trainer"), plugins);
        }

        /** The registries names resolve in (default: {@link Plugins#shared()}). */
        public Settings plugins(Plugins value) {
            return new Settings(spec, users, items, trainer, Objects.requireNonNull(value, "plugins"));
        }

        /** The model's settings as a spec's {@code model} and {@code trainer} sections hold them. */
        public ModelSpec spec() {
            return spec;
        }

        /**
         * Builds both sides' layouts from {@code train} and fits the model on it with the trainer.
         *
         * @throws io.bloomfit.api.plugin.UnknownPluginException naming the available ones when a compressor, hash
         *                                                       function or trainer is not installed
         * @throws IllegalArgumentException                      naming every setting the trainer cannot fit (its
         *                                                       capabilities), or an invalid layout request
         */
        public Recommender fit(Interactions train) {
            Trainer fitting = plugins.trainers().forName(trainer);
            refuse(fitting.capabilities().problemsWith(spec, trainer)); // before any layout is built
            ModelSpec model = spec.withTrainer(t -> t.resolved(fitting.capabilities().options()));
            int d = model.architecture().dimension();
            EmbeddingLayout userLayout = TrainingLayouts.users(plugins, users.compressor(),
                    users.request(train.numUsers(), d), train);
            EmbeddingLayout itemLayout = TrainingLayouts.items(plugins, items.compressor(),
                    items.request(train.numItems(), d), train);
            refuse(fitting.capabilities().problemsWith(userLayout, itemLayout, trainer));
            TrainedModel fitted = fitting.fit(new FitRequest(model, train, userLayout, itemLayout),
                    TrainingListener.NONE);
            return new Recommender(fitted, train);
        }

        /** Fails naming every problem, each at its spec field, when there are any. */
        private static void refuse(List<CapabilityProblem> problems) {
            if (!problems.isEmpty()) {
                List<String> messages = new ArrayList<>();
                problems.forEach(p -> messages.add(p.field() + ": " + p.message()));
                throw new IllegalArgumentException(String.join("; ", messages));
            }
        }
    }
}
