package io.bloomfit.api.embed;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;
import java.util.Optional;

/**
 * A way to map entity ids to rows of smaller embedding tables (Bloom embeddings, the hashing trick,
 * quotient-remainder, ...). Compressors only compute index maps; trainers own the tables.
 *
 * <p>Layouts must be a pure function of the request (its options included) and the hash function's values (same
 * request, identical layout), since saved models store the request, not the maps. Providers register through
 * {@link java.util.ServiceLoader} and are looked up by name in the registry a host hands out ({@link io.bloomfit.api.plugin.NamedProviders}).
 *
 * <p>A compressor never looks hash functions up itself: the caller resolves {@link LayoutRequest#hashFunction()}
 * in the registry it uses (a runner's, a server's, a test's) and passes the function in, so that one experiment
 * never mixes two registries.
 *
 * <h2>Options</h2>
 * A compressor's variants are named options ({@link #options()}, as Lucene's analysis factories take named
 * arguments), not new compressor names: a spec gives values per compressor, sweeps them as grid axes and tunes
 * them; the runner checks them against the declaration before anything runs, and result rows and saved models
 * record the resolved options (every declared option, defaults filled in). What a compressor must guarantee:
 * <ul>
 *   <li>the layout is a pure function of the request, its {@link LayoutRequest#options() options} and the hash
 *       function: a saved model rebuilds its layout from the recorded request and options alone;</li>
 *   <li>an option never changes its name, type or default once results or models name it (an older model, saved
 *       without the option, is rebuilt with its default), and a new option's default reproduces the layout the
 *       compressor built before it existed;</li>
 *   <li>every refusal names the option and the allowed values: the declaration's {@link PluginOption#rule()}
 *       does that for single values, {@link #checkOptions(PluginOptions)} for combinations.</li>
 * </ul>
 * Compressors read their options with {@link Layouts#resolvedOptions(EmbeddingCompressor, PluginOptions)}, which
 * also accepts requests built by hand with no or only some options.
 */
public interface EmbeddingCompressor {

    /** The stable name users put in specs, e.g. {@code "bloom"}; must match {@code [a-z0-9][a-z0-9_-]{0,63}}. */
    String name();

    /**
     * Builds the layout for {@code request}.
     *
     * @param hash the function {@code request.hashFunction()} names, resolved by the caller; {@code null} when the
     *             request names none (compressors that need one fail through
     *             {@link LayoutRequest#requireHash(HashFunction, String)})
     * @throws IllegalArgumentException when the request does not suit this compressor; the message names
     *                                  the field and the fix
     */
    EmbeddingLayout layout(LayoutRequest request, HashFunction hash);

    /**
     * Whether this compressor's layout is built from training interactions (e.g. {@code bloom-cooccurrence}, which
     * places items that co-occur in training on shared rows); such a compressor is called through
     * {@link #layout(LayoutRequest, HashFunction, Interactions)}. Default: no.
     */
    default boolean usesTrainingData() {
        return false;
    }

    /**
     * Builds the layout for {@code request} from the training interactions. Callers pass the training part of a
     * split only, never test interactions: a layout built from test data would leak them into the model.
     *
     * @param training interactions whose items are the entities laid out: for an item layout the training
     *                 interactions, for a user layout the same interactions transposed (users as items); covers
     *                 {@code request.numEntities()} items
     */
    default EmbeddingLayout layout(LayoutRequest request, HashFunction hash, Interactions training) {
        return layout(request, hash);
    }

    /**
     * Which request fields this compressor's layout responds to. Empty (the default, for compressors written
     * before traits were declared) makes the runner find out by building tiny probe layouts; built-in
     * compressors declare theirs.
     */
    default Optional<CompressorTraits> traits() {
        return Optional.empty();
    }

    /**
     * The named options this compressor takes, each with its type, allowed values and default (see the class
     * comment for what the defaults and names must keep). Default: none.
     */
    default List<PluginOption> options() {
        return List.of();
    }

    /**
     * Problems of a combination of option values each of which {@link #options()} allows alone, e.g. an option
     * that applies only when another one has some value; each names the option and what to change. Called with
     * resolved options (every declared option present and valid) before a layout is built and while a spec is
     * checked. Default: none.
     */
    default List<OptionProblem> checkOptions(PluginOptions resolved) {
        return List.of();
    }

    /**
     * Whether this compressor's layout depends on {@link LayoutRequest#trainingCounts()} (frequency-aware
     * compressors such as {@code bloom-hybrid}). The runner computes and passes counts from the training split only
     * for compressors that say so; the default, {@code false}, keeps every other compressor exactly as it was.
     */
    default boolean usesTrainingCounts() {
        return false;
    }
}
