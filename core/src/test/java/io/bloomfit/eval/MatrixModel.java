package io.bloomfit.eval;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;

import java.nio.file.Path;
import java.util.function.IntFunction;

/** Test model whose score rows come from a function of the user: lets tests pick exact scores. */
final class MatrixModel implements TrainedModel {

    private final int numUsers;
    private final int numItems;
    private final IntFunction<float[]> rows;

    MatrixModel(int numUsers, int numItems, IntFunction<float[]> rows) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rows = rows;
    }

    static MatrixModel of(float[][] scores) {
        return new MatrixModel(scores.length, scores[0].length, u -> scores[u].clone());
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
        for (int i = 0; i < users.length; i++) {
            out[i] = rows.apply(users[i]);
        }
        return out;
    }

    @Override
    public void save(Path directory) {
        throw new UnsupportedOperationException("test model is not saved");
    }

    @Override
    public FitReport report() {
        return new FitReport(new double[0], new double[0], "cpu()", 1, 0);
    }

    @Override
    public void close() {
    }
}
