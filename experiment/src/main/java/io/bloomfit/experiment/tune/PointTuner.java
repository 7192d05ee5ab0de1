package io.bloomfit.experiment.tune;

import io.bloomfit.experiment.grid.TunedChoice;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.grid.Evaluation;

import java.util.List;
import java.util.Objects;

/**
 * Chooses one grid point's learning rate, l2, epochs and tuned compressor options on the validation part: every
 * combination of {@link TuneSpec} (the point compressor's option candidates x learning rate x l2) is fitted on the
 * training part minus the validation part for at most {@code epochs.max} epochs, scored on the validation part
 * after every epoch, and stopped after {@code epochs.patience} epochs without a better score. The best combination
 * (highest validation score; the first in options, then learning rate, then l2 order among equals) and its best
 * epoch are returned. Only the two parts it is given are read: the caller never hands it the test part.
 *
 * <p>The caller builds what every combination shares (the validation split; the layouts of each option candidate)
 * once and passes a {@link Fitting} that fits on those layouts.
 */
public final class PointTuner {

    /** Fits {@code model} on {@code train} with the point's layouts built with {@code options} added. */
    @FunctionalInterface
    public interface Fitting {
        TrainedModel fit(ModelSpec model, PluginOptions options, Interactions train, TrainingListener listener);
    }

    private final TuneSpec spec;
    private final Evaluation evaluation;

    public PointTuner(TuneSpec spec, Evaluation evaluation) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    }

    /**
     * Tunes {@code base} (its other hyperparameters stay) for a point of {@code compressor}, trying the option
     * values {@link TuneSpec#options()} gives it (none for other compressors and the baseline).
     *
     * @throws TrainingCancelledException when {@code listener} asked the run to stop
     * @throws IllegalArgumentException   when the trainer shows no per-epoch models, which early stopping needs
     */
    public TunedChoice tune(ModelSpec base, String compressor, Interactions fitPart, Interactions validation,
                            Fitting fitting, TrainingListener listener) {
        TunedChoice best = null;
        List<PluginOptions> candidates = spec.options().combinations(compressor);
        for (PluginOptions options : candidates) {
            TunedChoice choice = tune(base, options, fitPart, validation, fitting, listener);
            if (best == null || choice.validationScore() > best.validationScore()) {
                best = choice;
            }
        }
        return best;
    }

    private TunedChoice tune(ModelSpec base, PluginOptions options, Interactions fitPart, Interactions validation,
                             Fitting fitting, TrainingListener listener) {
        TunedChoice best = null;
        for (double learningRate : spec.learningRates()) {
            for (double l2 : spec.l2s()) {
                ModelSpec model = base.withOptimization(o -> o.withLearningRate(learningRate).withL2(l2)
                        .withEpochs(spec.epochs().max()));
                EarlyStopping early = new EarlyStopping(listener, evaluation, spec.metric(), fitPart, validation,
                        spec.epochs().patience());
                try (TrainedModel ignored = fitting.fit(model, options, fitPart, early)) {
                    // the fit ran every epoch: the best epoch is known
                } catch (TrainingCancelledException e) {
                    if (!early.stoppedEarly()) {
                        throw e;
                    }
                }
                if (early.epochsScored() == 0) {
                    throw new IllegalArgumentException("tune: the trainer shows no model between epochs "
                            + "(TrainingListener.epochModel), which early stopping on the validation part needs; use "
                            + "a trainer that does (cpu, hogwild or djl) or remove the tune section");
                }
                if (best == null || early.bestScore() > best.validationScore()) {
                    best = new TunedChoice(learningRate, l2, early.bestEpoch(), early.bestScore(), options);
                }
            }
        }
        return best;
    }
}
