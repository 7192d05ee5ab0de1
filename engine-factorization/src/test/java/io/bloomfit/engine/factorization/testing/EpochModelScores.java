package io.bloomfit.engine.factorization.testing;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that wants the model after every epoch and records, per epoch shown, the scores of every item for
 * {@code users} (as early stopping scores a validation part).
 */
public final class EpochModelScores implements TrainingListener {

    private final int[] users;
    private final List<Integer> epochs = new ArrayList<>();
    private final List<float[][]> scores = new ArrayList<>();

    public EpochModelScores(int... users) {
        this.users = users.clone();
    }

    @Override
    public boolean wantsEpochModels() {
        return true;
    }

    @Override
    public void epochModel(int epoch, TrainedModel current) {
        epochs.add(epoch);
        scores.add(current.scoreAll(users));
    }

    /** The epochs whose model was shown, in order. */
    public List<Integer> epochs() {
        return epochs;
    }

    /** The users' scores after the {@code n}-th epoch shown (from 1). */
    public float[][] after(int n) {
        return scores.get(n - 1);
    }
}
