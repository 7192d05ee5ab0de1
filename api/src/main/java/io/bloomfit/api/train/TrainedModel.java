package io.bloomfit.api.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model: scores users against items in batches, recommends, saves itself. Evaluation calls
 * {@link #scoreAll(int[])} once per batch of users; never once per (user, item) pair.
 */
public interface TrainedModel extends AutoCloseable {

    int numUsers();

    int numItems();

    /**
     * Scores of every item for each user: {@code result[i][item]} for {@code users[i]}. Higher is better.
     * Safe to call from several threads.
     */
    float[][] scoreAll(int[] users);

    /** Scores of {@code items} for one user. */
    float[] score(int user, int[] items);

    /**
     * The {@code k} best items for {@code user}, best first, leaving out {@code exclude} (e.g. the items the
     * user already saw in training; may be empty).
     */
    int[] recommend(int user, int k, int[] exclude);

    /**
     * Writes the parameters and a JSON manifest to {@code directory} (created if missing). Index maps are not
     * stored: they are recomputed from the layout requests on load.
     */
    void save(Path directory) throws IOException;

    /** Timings, losses and device of the fit (a loaded model reports those of the original fit). */
    FitReport report();

    /** Releases native memory; the model cannot be used afterwards. */
    @Override
    void close();
}
