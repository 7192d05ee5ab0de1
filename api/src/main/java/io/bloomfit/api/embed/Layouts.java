package io.bloomfit.api.embed;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.NamedProviders;
import io.bloomfit.api.plugin.OptionProblem;
import io.bloomfit.api.plugin.PluginOptions;

import java.util.List;

/**
 * The one way every caller (runner, trainers loading saved models, CLI, tests) builds a layout: resolve the hash
 * function the request names in the registry in use and the compressor options the request gives, then ask the
 * compressor.
 */
public final class Layouts {

    private Layouts() {
    }

    /**
     * Builds {@code compressor}'s layout for {@code request}, resolving the request's hash function in
     * {@code hashes}.
     *
     * {@code hashes}. The compressor is handed the request with its options resolved
     * ({@link #resolvedOptions}), so the layout's request records every option it was built with.
     *
     * @throws io.bloomfit.api.plugin.UnknownPluginException when the hash function is unknown in {@code hashes}
     * @throws IllegalArgumentException                      when the request or its options do not suit the
     *                                                       compressor
     */
    public static EmbeddingLayout build(EmbeddingCompressor compressor, LayoutRequest request,
                                        NamedProviders<HashFunction> hashes) {
        LayoutRequest resolved = resolved(compressor, request);
        return compressor.layout(resolved, hash(resolved, hashes));
    }

    /**
     * As {@link #build(EmbeddingCompressor, LayoutRequest, NamedProviders)}, handing {@code training} to a
     * compressor that {@linkplain EmbeddingCompressor#usesTrainingData() builds its layout from training data}.
     *
     * @param training training interactions whose items are the entities laid out (never test interactions)
     */
    public static EmbeddingLayout build(EmbeddingCompressor compressor, LayoutRequest request,
                                        NamedProviders<HashFunction> hashes, Interactions training) {
        LayoutRequest resolved = resolved(compressor, request);
        HashFunction hash = hash(resolved, hashes);
        return compressor.usesTrainingData() ? compressor.layout(resolved, hash, training)
                : compressor.layout(resolved, hash);
    }

    /**
     * Every problem of {@code given} for {@code compressor}: options it does not declare, values its declaration
     * does not allow, then, when each value is allowed, the combinations it refuses
     * ({@link EmbeddingCompressor#checkOptions}). Empty when the options can be used.
     */
    public static List<OptionProblem> optionProblems(EmbeddingCompressor compressor, PluginOptions given) {
        List<OptionProblem> problems = PluginOptions.check(compressor.options(), given);
        return problems.isEmpty() ? compressor.checkOptions(given.resolved(compressor.options())) : problems;
    }

    /**
     * {@code given} resolved against {@code compressor}'s declaration: every declared option, defaults filled in,
     * values in their declared types. Resolving resolved options returns them unchanged.
     *
     * @throws IllegalArgumentException naming the compressor, each option and what it allows when
     *                                  {@link #optionProblems} finds a problem
     */
    public static PluginOptions resolvedOptions(EmbeddingCompressor compressor, PluginOptions given) {
        List<OptionProblem> problems = optionProblems(compressor, given);
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("compressor '" + compressor.name() + "': ");
            for (int i = 0; i < problems.size(); i++) {
                message.append(i == 0 ? "" : "; ").append("option ").append(problems.get(i));
            }
            throw new IllegalArgumentException(message.toString());
        }
        return given.resolved(compressor.options());
    }

    private static LayoutRequest resolved(EmbeddingCompressor compressor, LayoutRequest request) {
        PluginOptions options = resolvedOptions(compressor, request.options());
        return options.equals(request.options()) ? request : request.withOptions(options);
    }

    private static HashFunction hash(LayoutRequest request, NamedProviders<HashFunction> hashes) {
        return request.hashFunction() == null ? null : hashes.forName(request.hashFunction());
    }
}
