package io.bloomfit.eval;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;

import java.nio.file.Path;

/**
 * A {@link TrainedModel} whose scores come from a rule rather than a fit ({@link ReferenceMethod}): it has no
 * trainable parameters and is never saved (it is recomputed from the training data in a moment).
 */
final class ReferenceModel implements TrainedModel {

    /** Fills {@code row} (one score per item) for {@code user}. */
    @FunctionalInterface
    interface RowScores {
        void fill(int user, float[] row);
    }

    private final int numUsers;
    private final int numItems;
    private final RowScores scores;

    private ReferenceModel(int numUsers, int numItems, RowScores scores) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.scores = scores;
    }

    static ReferenceModel sameForEveryUser(int numUsers, float[] itemScores) {
        float[] copy = itemScores.clone();
        return new ReferenceModel(numUsers, copy.length, (user, row) -> System.arraycopy(copy, 0, row, 0, copy.length));
    }

    static ReferenceModel perUser(int numUsers, int numItems, RowScores scores) {
        return new ReferenceModel(numUsers, numItems, scores);
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public float[][] scoreAll(int[] users) {
        float[][] out = new float[users.length][];
        for (int b = 0; b < users.length; b++) {
            out[b] = row(users[b]);
        }
        return out;
    }

    /** @throws UnsupportedOperationException always: a reference ranker is recomputed, not stored */
    @Override
    public void save(Path directory) {
        throw new UnsupportedOperationException("reference rankers (popularity, random) are not saved: they are "
                + "recomputed from the training data");
    }

    @Override
    public FitReport report() {
        return new FitReport(new double[0], new double[0], "cpu()", 1, 0);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private float[] row(int user) {
        if (user < 0 || user >= numUsers) {
            throw new IndexOutOfBoundsException("user " + user + " is outside 0.." + (numUsers - 1));
        }
        float[] row = new float[numItems];
        scores.fill(user, row);
        return row;
    }
}
