package io.bloomfit.experiment.tune;

import io.bloomfit.experiment.grid.OptionAxes;

import java.util.List;
import java.util.Objects;

/**
 * The {@code tune} section of a spec: every grid point (plain included) fits each learning rate x l2 combination
 * (times, for a point whose compressor has {@code options} here, each combination of their values) on the training
 * part minus a validation part, stops each fit early on the validation metric, and refits the best combination on
 * the whole training part for the epochs it chose; the test part is never used for a choice.
 *
 * @param metric        what the validation part is scored by (higher is better)
 * @param validation    fraction of the training part held out for validation, carved with the split's kind
 * @param learningRates the learning rates tried
 * @param l2s           the l2 penalties tried
 * @param epochs        the epoch budget and the early-stopping patience
 * @param options       per compressor, option values tried (each list an axis); {@link OptionAxes#NONE}
 *                      ({@code null} reads as that) for none
 */
public record TuneSpec(TuneMetric metric, double validation, List<Double> learningRates, List<Double> l2s,
                       Epochs epochs, OptionAxes options) {

    /**
     * @param max      most epochs a combination is fitted for
     * @param patience epochs without a better validation score after which its fit stops
     */
    public record Epochs(int max, int patience) {
    }

    /** Tuning of learning rate, l2 and epochs only. */
    public TuneSpec(TuneMetric metric, double validation, List<Double> learningRates, List<Double> l2s,
                    Epochs epochs) {
        this(metric, validation, learningRates, l2s, epochs, OptionAxes.NONE);
    }

    public TuneSpec {
        Objects.requireNonNull(metric, "tune.metric");
        learningRates = List.copyOf(learningRates);
        l2s = List.copyOf(l2s);
        Objects.requireNonNull(epochs, "tune.epochs");
        options = options == null ? OptionAxes.NONE : options;
    }

    /** How many learning rate x l2 combinations each point fits (times its compressor's option combinations). */
    public int combinations() {
        return learningRates.size() * l2s.size();
    }

    /** How many combinations a point of {@code compressor} fits: learning rate x l2 x its tuned options. */
    public int combinations(String compressor) {
        return combinations() * options.combinations(compressor).size();
    }
}
