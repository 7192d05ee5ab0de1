package io.bloomfit.experiment.tune;

import java.util.List;
import java.util.Objects;

/**
 * The {@code tune} section of a spec: every grid point (plain included) fits each learning rate x l2 combination on
 * the training part minus a validation part, stops each fit early on the validation metric, and refits the best
 * combination on the whole training part for the epochs it chose; the test part is never used for a choice.
 *
 * @param metric        what the validation part is scored by (higher is better)
 * @param validation    fraction of the training part held out for validation, carved with the split's kind
 * @param learningRates the learning rates tried
 * @param l2s           the l2 penalties tried
 * @param epochs        the epoch budget and the early-stopping patience
 */
public record TuneSpec(TuneMetric metric, double validation, List<Double> learningRates, List<Double> l2s,
                       Epochs epochs) {

    /**
     * @param max      most epochs a combination is fitted for
     * @param patience epochs without a better validation score after which its fit stops
     */
    public record Epochs(int max, int patience) {
    }

    public TuneSpec {
        Objects.requireNonNull(metric, "tune.metric");
        learningRates = List.copyOf(learningRates);
        l2s = List.copyOf(l2s);
        Objects.requireNonNull(epochs, "tune.epochs");
    }

    /** How many combinations each point fits. */
    public int combinations() {
        return learningRates.size() * l2s.size();
    }
}
