package io.bloomfit.embed;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.embed.SeedSequence;
import io.bloomfit.api.embed.TableSize;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;
import java.util.Optional;

/**
 * {@code dhe}: Deep Hash Embedding (Kang et al., "Learning to Embed Categorical Features without Embedding Tables
 * for Recommendation", KDD 2021). No table: entity e is F hash values {@code hash(e, seed_j)} (SplitMix64 seeds
 * from the request seed), each reduced modulo the option {@code buckets} (default {@value #BUCKETS}, the paper's
 * m = 10^6) and mapped uniformly to [-1, 1], fed to a network {@code F -> h -> dimension} with a ReLU hidden layer
 * ({@link EntityEncoder}). The paper's deeper Mish/batch-norm network is not used: one hidden layer keeps the budget
 * rule below simple and the Java scoring path exact.
 *
 * <p>Budget, with option {@code hidden: auto} (the default): the network's weights and biases count against the
 * ratio, so it holds about as many floats as {@code bloom}'s table at the same request,
 * {@code P = ceil(ratio * n) * dimension}. With F = option {@code features} (default {@value #FEATURES}, the
 * paper's), h is the largest width that fits P, capped at option {@code maxHidden} (default {@value #MAX_HIDDEN});
 * when that width would be below the dimension (small tables), h is the dimension and F shrinks to what fits (at
 * least 1). With {@code hidden} a number, the network is exactly {@code features -> hidden -> dimension} whatever
 * the ratio (its parameters, and so its achieved ratio, follow), and {@code maxHidden} does not apply. numHashes is
 * ignored.
 */
public final class DheCompressor implements EmbeddingCompressor {

    public static final String NAME = "dhe";
    /** The paper's number of hash features. */
    static final int FEATURES = 1024;
    /** The paper's hash range m. */
    static final int BUCKETS = 1_000_000;
    /** The widest hidden layer the budget rule gives by default (wider ones train too slowly to compare). */
    static final int MAX_HIDDEN = 2048;
    /** The most features or hidden units an option may ask for. */
    static final int MAX_WIDTH = 1 << 16;

    /** F, the hash features each entity is encoded as. */
    public static final PluginOption FEATURES_OPTION = PluginOption.integer("features", FEATURES, 1, MAX_WIDTH,
            "hash features F each entity is encoded as (the network's input width; with hidden auto, fewer when the "
                    + "budget is small)");
    /** The range each hash feature is reduced to. */
    public static final PluginOption BUCKETS_OPTION = PluginOption.integer("buckets", BUCKETS, 2, Integer.MAX_VALUE,
            "values each hash feature is reduced to before it is mapped to [-1, 1] (the paper's m)");
    /** The hidden layer's width, or {@code auto}: the widest the ratio's budget allows. */
    public static final PluginOption HIDDEN_OPTION = PluginOption.automaticInteger("hidden", 1, MAX_WIDTH,
            "width of the hidden layer; auto: the widest whose network fits the floats of bloom's table at the same "
                    + "ratio, at most maxHidden");
    /** The cap on the automatic hidden width. */
    public static final PluginOption MAX_HIDDEN_OPTION = PluginOption.integer("maxHidden", MAX_HIDDEN, 1, MAX_WIDTH,
            "with hidden auto: the widest hidden layer the budget rule gives");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PluginOption> options() {
        return List.of(FEATURES_OPTION, BUCKETS_OPTION, HIDDEN_OPTION, MAX_HIDDEN_OPTION);
    }

    /** {@code maxHidden} applies only when {@code hidden} is {@code auto}. */
    @Override
    public List<OptionProblem> checkOptions(PluginOptions resolved) {
        if (!resolved.isAutomatic(HIDDEN_OPTION.name()) && resolved.integer(MAX_HIDDEN_OPTION.name()) != MAX_HIDDEN) {
            return List.of(new OptionProblem(MAX_HIDDEN_OPTION.name(), "applies only when hidden is auto, but hidden "
                    + "is " + resolved.get(HIDDEN_OPTION.name()) + ": remove maxHidden, or set hidden: auto"));
        }
        return List.of();
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hashFunction) {
        HashFunction hash = request.requireHash(hashFunction, NAME);
        PluginOptions options = Layouts.resolvedOptions(this, request.options());
        int d = request.dimension();
        int features = options.integer(FEATURES_OPTION.name());
        Shape shape = options.isAutomatic(HIDDEN_OPTION.name())
                ? shape((long) TableSize.hashedRows(request) * d, d, features, options.integer(MAX_HIDDEN_OPTION.name()))
                : new Shape(features, options.integer(HIDDEN_OPTION.name()));
        EntityEncoder encoder = new EntityEncoder(hash, SeedSequence.seeds(request.seed(), shape.features()),
                options.integer(BUCKETS_OPTION.name()), new int[] {shape.hidden(), d});
        return EmbeddingLayout.encoder(NAME, request, encoder);
    }

    /** Features and hidden width of the network. */
    record Shape(int features, int hidden) {
    }

    /**
     * The network {@code features -> hidden -> dimension} with at most {@code budget} parameters
     * ({@code (features + 1) * hidden + (hidden + 1) * dimension}) by the rule in the class comment, for at most
     * {@code maxFeatures} features and {@code maxHidden} hidden units.
     */
    static Shape shape(long budget, int dimension, int maxFeatures, int maxHidden) {
        long hidden = (budget - dimension) / (maxFeatures + 1 + dimension);
        if (hidden >= dimension) {
            return new Shape(maxFeatures, (int) Math.min(maxHidden, hidden));
        }
        long features = (budget - dimension - (long) dimension * dimension - dimension) / dimension;
        return new Shape((int) Math.max(1, Math.min(maxFeatures, features)), dimension);
    }

    /** Hashed; F and h follow the ratio; numHashes is ignored. */
    @Override
    public Optional<CompressorTraits> traits() {
        return Optional.of(CompressorTraits.hashed(false, 1));
    }
}
