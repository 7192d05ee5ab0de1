package io.bloomfit.experiment.grid;

import io.bloomfit.api.plugin.PluginOptions;

/**
 * What tuning chose for one grid point, recorded with its result row ({@code tuned: {learningRate, l2, epochs}},
 * with {@code options} when the spec tunes compressor options, and {@code validation_score}).
 *
 * @param learningRate    the chosen learning rate
 * @param l2              the chosen l2 penalty
 * @param epochs          the epochs the refit on the whole training part ran (the best epoch on validation)
 * @param validationScore the tune metric on the validation part at that epoch
 * @param options         the chosen values of the compressor options {@code tune.options} tries for this point's
 *                        compressor (only those; {@link PluginOptions#NONE}, {@code null} reads as that, when it
 *                        tries none)
 */
public record TunedChoice(double learningRate, double l2, int epochs, double validationScore, PluginOptions options) {

    public TunedChoice {
        options = options == null ? PluginOptions.NONE : options;
    }

    /** A choice of learning rate, l2 and epochs only. */
    public TunedChoice(double learningRate, double l2, int epochs, double validationScore) {
        this(learningRate, l2, epochs, validationScore, PluginOptions.NONE);
    }
}
