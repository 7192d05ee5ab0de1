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

    /**
     * Scores of {@code items} for one user: {@code result[i] == scoreAll(new int[] {user})[0][items[i]]}, item ids
     * in any order, repeats allowed. The default reads them off that row; a model may override this for speed only
     * if it returns exactly the same floats (and fails on the same inputs).
     *
     * @throws IllegalArgumentException naming the id, when an item is outside {@code 0..numItems()-1}
     */
    default float[] score(int user, int[] items) {
        return ScoreRow.pick(this, user, items);
    }

    /**
     * The {@code k} best items for {@code user}, best first, leaving out {@code exclude} (e.g. the items the user
     * already saw in training; may be empty). Ranked on the row of {@link #scoreAll}:
     * <ul>
     *   <li>higher score first; equal scores ({@code -0.0} equals {@code 0.0}) go to the lower item id; NaN scores
     *       rank below every number, lower id first among themselves;</li>
     *   <li>{@code min(k, items not excluded)} items: a {@code k} above that returns every item not excluded;</li>
     *   <li>an excluded item is never returned; an id may be excluded more than once (it counts once).</li>
     * </ul>
     * The CLI, the server and saved-model checks all print these lists, so every model must give the same list for
     * the same scores: the default is the one implementation, and a model may override it for speed only if it
     * returns exactly what the default returns.
     *
     * @throws IllegalArgumentException when {@code k < 1} (the message names k), or naming the id when an excluded
     *                                  item is outside {@code 0..numItems()-1}
     */
    default int[] recommend(int user, int k, int[] exclude) {
        return ScoreRow.top(this, user, k, exclude);
    }

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
