package io.bloomfit.experiment.tune;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.ForwardingTrainingListener;

/**
 * A fit's listener that scores the model on the validation part after every epoch and asks the fit to stop once
 * {@code patience} epochs have passed without a better score; progress and cancellation go on to the run's listener.
 * The best epoch is the first one with the highest score.
 */
final class EarlyStopping extends ForwardingTrainingListener {

    private final Evaluation evaluation;
    private final TuneMetric metric;
    private final Interactions fitPart;
    private final Interactions validation;
    private final int patience;
    private int bestEpoch;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int epochsScored;
    private volatile boolean stop;

    EarlyStopping(TrainingListener outer, Evaluation evaluation, TuneMetric metric, Interactions fitPart,
                  Interactions validation, int patience) {
        super(outer);
        this.evaluation = evaluation;
        this.metric = metric;
        this.fitPart = fitPart;
        this.validation = validation;
        this.patience = patience;
    }

    @Override
    public boolean wantsEpochModels() {
        return true;
    }

    @Override
    public void epochModel(int epoch, TrainedModel current) {
        double score = metric.of(evaluation.evaluate(current, fitPart, validation));
        epochsScored++;
        if (score > bestScore) {
            bestScore = score;
            bestEpoch = epoch;
        } else if (epoch - bestEpoch >= patience) {
            stop = true;
        }
    }

    @Override
    public boolean stopRequested() {
        return stop || super.stopRequested();
    }

    /** Whether this listener, not the run, stopped the fit. */
    boolean stoppedEarly() {
        return stop;
    }

    /** Epochs the fit was scored after (0: the trainer shows no per-epoch models). */
    int epochsScored() {
        return epochsScored;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    double bestScore() {
        return bestScore;
    }
}
