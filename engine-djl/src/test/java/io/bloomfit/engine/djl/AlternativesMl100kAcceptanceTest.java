package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressor;
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
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance checks of the alternatives to Bloom embeddings on {@code synthetic-ml100k}, with the protocol of
 * {@link SyntheticMl100kAcceptanceTest} (random 80/20 split, seed 42; BPR, dimension 32, batch 256, lr 3e-3, l2 1e-2,
 * 10 epochs, 1 thread; lr and l2 chosen on validation for plain only; both sides compressed, hashes murmur3_32,
 * k = 2), at ratio 0.2 and 0.5, 3 repeats each (model seed 1 + r, hash seeds 1001 + r and 2002 + r), with one
 * change to stay about as fast: the optimizer is sparse-adam, not dense Adam (37 fits instead of 8; the fused step
 * runs them in seconds, and plain sparse-adam scores within 1% of plain dense Adam there). {@code dhe} trains through
 * autograd (its network is dense: lazy Adam over all its parameters is Adam) with the same learning rate, 3e-3, not
 * tuned for it. {@code bloom-hybrid} gets the training split's counts.
 *
 * <p>Required by the issue, because the literature makes it safe: {@code hash-embedding} at least as good as the
 * hashing trick at the same ratio, {@code bloom-hybrid} at least as good as {@code bloom}; and every method learns
 * (MRR far above random). The rest is reported as measured (printed, and in docs/benchmarks.md).
 *
 * <p>"Same ratio" means the same table rows: {@code hash-embedding}'s pool has the rows of {@code bloom}'s and the
 * hashing trick's table, and its importance weights (n x k floats) come on top and are counted (achieved ratio
 * 0.263 at 0.2 and 0.563 at 0.5, against 0.200 and 0.500), as in the published comparisons the issue cites, which
 * match rows.
 *
 * <p>Measured (2026-12-02), mean test MRR over 3 repeats, plain 0.0758, random 0.0049:
 * <pre>
 *                    ratio 0.2                    ratio 0.5
 *   bloom            0.0534 0.0546 0.0530  0.0536   0.0530 0.0551 0.0552  0.0544
 *   hashing-trick    0.0530 0.0530 0.0531  0.0530   0.0529 0.0536 0.0539  0.0535
 *   hash-embedding   0.0535 0.0546 0.0530  0.0537   0.0530 0.0552 0.0552  0.0545
 *   robe             0.0531 0.0521 0.0518  0.0524   0.0546 0.0552 0.0541  0.0546
 *   dhe              0.0525 0.0504 0.0502  0.0510   0.0507 0.0489 0.0498  0.0498
 *   bloom-hybrid     0.0534 0.0546 0.0530  0.0536   0.0572 0.0590 0.0575  0.0579
 * </pre>
 * Every compressed model here sits between 66% and 76% of plain, around popularity's 0.0544 (see
 * {@link SyntheticMl100kAcceptanceTest}): on this small, dense data most methods differ by about the spread of the
 * repeats. Both required checks hold, and what makes them hold was chosen on a validation split carved from the
 * training part (20% of it, seed 7), never on this test part:
 * <ul>
 *   <li>{@code hash-embedding}'s importance weights learn at 0.01 times the model's rate
 *       ({@link io.bloomfit.embed.HashEmbeddingCompressor}, validation table there). At the model's rate (the first
 *       version) sparse Adam moved each weight by about the learning rate per step, they spread from 0.5 to
 *       [-0.7, 1.4], and the model scored 0.0498 / 0.0529, below the hashing trick. At the chosen rate it stays
 *       close to its Bloom start (weights within 0.03 of 1/2) and scores bloom's MRR within 0.0001: it beats the
 *       hashing trick by 0.0007 and 0.0010, less than the repeats' spread, as bloom does.</li>
 *   <li>{@code bloom-hybrid} gives hot entities only the rows above 0.2 rows per cold entity
 *       ({@link io.bloomfit.embed.BloomHybridCompressor}, validation tables there). A fixed half of the rows (the
 *       first version) crowded the cold entities at ratio 0.2 (0.0527 against bloom's 0.0536). At ratio 0.2 the
 *       floor leaves no budget for hot rows, so there the layout is bloom's and the check holds with equality, by
 *       construction (on the validation split no hot share beat bloom at 0.2); at 0.5 it is the one method well
 *       above the others, +6% over bloom.</li>
 * </ul>
 * {@code dhe}'s means differ slightly from the previous table (0.0508 / 0.0488 there) although neither change touches
 * its path (its network learns at the model's rate as before); the cause was not investigated.
 */
class AlternativesMl100kAcceptanceTest {

    private static final List<String> METHODS = List.of("bloom", "hashing-trick", "hash-embedding", "robe", "dhe",
            "bloom-hybrid");
    private static final double[] RATIOS = {0.2, 0.5};
    private static final int REPEATS = 3;
    private static final Evaluator EVALUATOR = new Evaluator();

    private static Interactions train;
    private static Interactions test;
    private static double plain;
    private static double random;
    /** Mean MRR over the repeats, by "method@ratio". */
    private static final Map<String, Double> MEANS = new LinkedHashMap<>();

    @BeforeAll
    static void fitAll() {
        Interactions[] split = Baselines.randomSplit(SyntheticDatasets.generate("synthetic-ml100k",
                SyntheticDatasets.presetSpec("synthetic-ml100k")).dataset().interactions(), 0.2, 42);
        train = split[0];
        test = split[1];
        random = mrr(Baselines.random(train.numUsers(), train.numItems(), 5));
        plain = fit("plain", 1.0, 0);
        for (double ratio : RATIOS) {
            for (String method : METHODS) {
                double sum = 0;
                StringBuilder each = new StringBuilder();
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    double mrr = fit(method, ratio, repeat);
                    sum += mrr;
                    each.append(String.format(" %.4f", mrr));
                }
                MEANS.put(method + "@" + ratio, sum / REPEATS);
                System.out.printf("synthetic-ml100k alternatives: %-15s ratio %.1f MRR%s, mean %.4f (%.0f%% of plain)%n",
                        method, ratio, each, sum / REPEATS, 100 * sum / REPEATS / plain);
            }
        }
        System.out.printf("synthetic-ml100k alternatives: plain MRR %.4f, random MRR %.4f%n", plain, random);
    }

    private static double mrr(TrainedModel model) {
        try (model) {
            return EVALUATOR.evaluate(model, train, test).mrr();
        }
    }

    private static double fit(String compressor, double ratio, int repeat) {
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SPARSE_ADAM, 3e-3, 1e-2, 10, 256, Negatives.uniform(5), 1 + repeat),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
        EmbeddingLayout users = layout(compressor, train.numUsers(), ratio, 1001 + repeat, train.userCounts());
        EmbeddingLayout items = layout(compressor, train.numItems(), ratio, 2002 + repeat, train.itemCounts());
        return mrr(new DjlTrainer().fit(new FitRequest(spec, train, users, items), TrainingListener.NONE));
    }

    private static EmbeddingLayout layout(String name, int n, double ratio, long seed, int[] counts) {
        EmbeddingCompressor compressor = EmbeddingCompressors.forName(name);
        LayoutRequest request = name.equals("plain") ? LayoutRequest.plain(n, 32)
                : new LayoutRequest(n, 32, ratio, 2, "murmur3_32", seed);
        return EmbeddingCompressors.layout(compressor,
                compressor.usesTrainingCounts() ? request.withTrainingCounts(counts) : request);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void hashEmbeddingIsAtLeastTheHashingTrick(double ratio) {
        assertThat(MEANS.get("hash-embedding@" + ratio)).isGreaterThanOrEqualTo(MEANS.get("hashing-trick@" + ratio));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void bloomHybridIsAtLeastBloom(double ratio) {
        assertThat(MEANS.get("bloom-hybrid@" + ratio)).isGreaterThanOrEqualTo(MEANS.get("bloom@" + ratio));
    }

    @Test
    void everyMethodLearns() {
        assertThat(MEANS).allSatisfy((point, mrr) -> assertThat(mrr).as(point).isGreaterThan(3 * random));
    }
}
