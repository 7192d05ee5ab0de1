package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;
import io.bloomfit.api.embed.TrainableWeights;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code hash-embedding}: hash embeddings (Svenstrup, Hansen &amp; Winther, NeurIPS 2017). Entity e reads k =
 * numHashes component vectors from a shared pool of B rows, lookup j being
 * {@code Long.remainderUnsigned(hash(e, seed_j), B)} as in {@code bloom}, and sums them weighted by k importance
 * weights of its own that are learned with the model ({@link TrainableWeights}).
 *
 * <p>Budget: the ratio sizes the pool, as it sizes {@code bloom}'s table: {@code B = max(1, ceil(ratio * n))} rows
 * of the dimension, the rows the compared methods are matched on (the published comparisons the issue cites match
 * "about 1/5 of the rows"). The importance weights are the paper's small extra table: one row of k weights per entity
 * when {@code n * k} is at most {@code W = floor(B * dimension * weightBudget)} floats (option {@code weightBudget},
 * default {@value #DEFAULT_WEIGHT_BUDGET}: half the pool's floats; k much smaller than the dimension, the usual
 * case), otherwise {@code max(1, floor(W / k))} rows shared by hashing, entity e reading row
 * {@code Long.remainderUnsigned(hash(e, seed_k), rows)} (the paper's optional hashed importance table). They are
 * counted in {@link EmbeddingLayout#parameterCount} and {@link EmbeddingLayout#achievedRatio} (e.g. 0.2 + k / d =
 * 0.2625 for ratio 0.2, k 2, d 32), so results show what they cost. (An earlier version took the weights out of the
 * pool's budget, shrinking the pool to 69% of the hashing trick's rows at ratio 0.2; on synthetic-ml100k it then
 * scored below the hashing trick, MRR 0.0506 against 0.0530.)
 *
 * <p>Every importance weight starts at {@code 1 / k} with {@link Combiner#SUM}, so before training an entity's
 * embedding is exactly the mean of its k rows: a {@code bloom} embedding on the same pool, which training then
 * reweights entity by entity.
 *
 * <p>The importance weights learn at {@code weightLearningRate} (an option, default
 * {@value #WEIGHT_LEARNING_RATE_SCALE}) times the fit's learning rate ({@link TrainableWeights#learningRateScale()}),
 * the pool's rows at the full rate. With an adaptive optimizer
 * (Adam, sparse Adam, Adagrad) every touched parameter moves by about the learning rate per step whatever its
 * gradient's size, so at the model's rate (3e-3) a weight that starts at 0.5 moves by 0.6% of itself per step,
 * which is a lot for a factor that scales a whole embedding: on synthetic-ml100k at the model's rate the weights
 * spread to [-0.7, 1.4] within 10 epochs and the model scores below the hashing trick (test MRR 0.0498 against
 * 0.0530 at ratio 0.2, 0.0529 against 0.0535 at 0.5). The factor was chosen on a validation split carved from the training part
 * (20% of it, seed 7; never the test part), from {1, 0.3, 0.1, 0.03, 0.01}, by mean validation MRR over ratios 0.2
 * and 0.5 and 3 repeats (sparse Adam, lr 3e-3, BPR, dimension 32, k 2): 0.0461, 0.0474, 0.0492, 0.0495, 0.0497.
 * With the weights frozen (a {@code bloom} model) it is 0.0497 too: on that data the weights help least when they
 * move most, and learning them gains nothing measurable over their Bloom start; 0.01 still lets them learn (they end
 * within about 0.03 of 1/k) without undoing it. The factor applies with every optimizer. It is a choice for data like
 * that one, where the pool's rows carry what there is to learn: where an entity's few weights alone can carry a
 * signal (two planted groups in the engine tests, which signed weights separate), the model's rate learns more.
 */
public final class HashEmbeddingCompressor implements EmbeddingCompressor {

    public static final String NAME = "hash-embedding";
    /** The default factor on the fit's learning rate at which the importance weights learn (class comment). */
    public static final double WEIGHT_LEARNING_RATE_SCALE = 0.01;
    /** The default share of the pool's floats the per-entity importance weights may take (class comment). */
    public static final double DEFAULT_WEIGHT_BUDGET = 0.5;
    /** The factor on the fit's learning rate at which the importance weights learn. */
    public static final PluginOption WEIGHT_LEARNING_RATE = PluginOption.number("weightLearningRate",
            WEIGHT_LEARNING_RATE_SCALE, 0.001, 100, "factor on the fit's learning rate at which the importance "
                    + "weights learn (the pool's rows learn at the full rate)");
    /** The most floats the importance weights take, as a share of the pool's floats, before they are hashed. */
    public static final PluginOption WEIGHT_BUDGET = PluginOption.number("weightBudget", DEFAULT_WEIGHT_BUDGET, 0, 1,
            "most floats the importance weights take, as a share of the pool's floats: within it every entity has "
                    + "its own k weights, above it they are rows shared by hashing in that many floats");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PluginOption> options() {
        return List.of(WEIGHT_LEARNING_RATE, WEIGHT_BUDGET);
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        PluginOptions options = Layouts.resolvedOptions(this, request.options());
        int n = request.numEntities();
        int k = request.numHashes();
        int d = request.dimension();
        Budget budget = budget(n, k, d, TableSize.hashedRows(request), options.number(WEIGHT_BUDGET.name()));
        long[] seeds = SeedSequence.seeds(request.seed(), k + 1);
        int[] rows = HashedLookups.rows(hash, Arrays.copyOf(seeds, k), n, budget.poolRows(), NAME);
        float[] initial = new float[Math.multiplyExact(budget.weightRows(), k)];
        Arrays.fill(initial, 1f / k);
        TrainableWeights weights = (budget.weightRows() == n
                ? TrainableWeights.perEntity(n, k, initial)
                : TrainableWeights.shared(budget.weightRows(), k,
                        HashedLookups.rows(hash, new long[] {seeds[k]}, n, budget.weightRows(), NAME), initial))
                .withLearningRateScale(options.number(WEIGHT_LEARNING_RATE.name()));
        return EmbeddingLayout.ofTrainable(NAME, request, new int[] {budget.poolRows()}, new int[k], rows, weights,
                Combiner.SUM);
    }

    /** Rows of the shared pool and of the importance-weight table. */
    record Budget(int poolRows, int weightRows) {
    }

    /**
     * The pool of {@code bloomRows} rows and the importance table beside it, whose floats are at most
     * {@code floor(pool floats * weightBudget)} unless every entity has its own row (class comment).
     */
    static Budget budget(int n, int k, int dimension, int bloomRows, double weightBudget) {
        long poolFloats = (long) bloomRows * dimension;
        long weightFloats = (long) Math.floor(poolFloats * weightBudget);
        long weightRows = (long) n * k <= weightFloats ? n : Math.max(1, weightFloats / k);
        return new Budget(bloomRows, (int) weightRows);
    }

    /** Hashed; k and the pool size follow the request. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(true, 1));
    }
}
