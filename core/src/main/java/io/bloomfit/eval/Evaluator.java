package io.bloomfit.eval;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;
import io.bloomfit.api.train.TrainedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a model on a test set by ranking ALL items for every test user with that user's training items
 * excluded (the protocol whose neglect made earlier Bloom-embedding numbers wrong).
 *
 * <p>Why batched: scores come from one {@link TrainedModel#scoreAll(int[])} call per batch of users, never one call
 * per (user, item) pair; each row is then reduced to every metric in a single pass ({@link UserRanking}). Batches
 * run in parallel on {@code threads} threads; partial sums are combined in batch order, so results do not depend on
 * scheduling.
 *
 * <p>Who is evaluated: users with at least one test item. Test users without training interactions are cold start:
 * excluded and counted. Test items that never occur in training are cold start too: their test pairs are excluded
 * and counted. Test pairs that also occur in training, and repeated test pairs, are dropped (our splits never
 * produce them) and counted in {@link EvaluationResult#excludedTestInteractions()}.
 */
public final class Evaluator {

    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_BATCH_USERS = 256;

    private final int k;
    private final int batchUsers;
    private final int threads;
    private final boolean rmse;

    /** k = 10, 256 users per batch, one thread per available processor, no RMSE. */
    public Evaluator() {
        this(DEFAULT_K, DEFAULT_BATCH_USERS, Runtime.getRuntime().availableProcessors(), false);
    }

    private Evaluator(int k, int batchUsers, int threads, boolean rmse) {
        if (k < 1) {
            throw new IllegalArgumentException("evaluation k must be >= 1, was " + k);
        }
        if (batchUsers < 1) {
            throw new IllegalArgumentException("evaluation batch size must be >= 1, was " + batchUsers);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("evaluation threads must be >= 1, was " + threads);
        }
        this.k = k;
        this.batchUsers = batchUsers;
        this.threads = threads;
        this.rmse = rmse;
    }

    public Evaluator withK(int newK) {
        return new Evaluator(newK, batchUsers, threads, rmse);
    }

    /** Users scored per {@code scoreAll} call (memory: batch x items floats per thread). */
    public Evaluator withBatchUsers(int users) {
        return new Evaluator(k, users, threads, rmse);
    }

    public Evaluator withThreads(int n) {
        return new Evaluator(k, batchUsers, n, rmse);
    }

    /** Also compute RMSE of the raw scores against test ratings (for models trained on explicit ratings). */
    public Evaluator withRmse(boolean on) {
        return new Evaluator(k, batchUsers, threads, on);
    }

    public int k() {
        return k;
    }

    /**
     * Ranks all items for every warm test user.
     *
     * @param train the model's training data (its items are excluded from each user's ranking)
     * @param test  held-out interactions over the same user and item index space
     */
    public EvaluationResult evaluate(TrainedModel model, Interactions train, Interactions test) {
        Objects.requireNonNull(model, "model");
        long start = System.nanoTime();
        checkSpace(model, train, test);
        int numItems = train.numItems();
        UserItems trainRows = train.userItems();
        UserItems testRows = test.userItems();
        int[] itemTrainCount = train.itemCounts();
        boolean withRmse = rmse && test.hasRatings();

        // warm test rows: users with training data, items with training data, not in train, no repeats
        int[] evalUsers = new int[test.numUsers()];
        int[] evalOffsets = new int[test.numUsers() + 1];
        int[] evalItems = new int[test.size()];
        float[] evalRatings = withRmse ? new float[test.size()] : null;
        boolean[] coldItemSeen = new boolean[numItems];
        int m = 0;
        int filled = 0;
        int coldUsers = 0;
        int coldItems = 0;
        long excluded = 0;
        int[] testItemColumn = testRows.items();
        int[] testIndex = testRows.interactionIndex();
        for (int u = 0; u < test.numUsers(); u++) {
            int from = testRows.start(u);
            int to = testRows.end(u);
            if (from == to) {
                continue;
            }
            for (int j = from; j < to; j++) {
                int item = testItemColumn[j];
                if (itemTrainCount[item] == 0 && !coldItemSeen[item]) {
                    coldItemSeen[item] = true;
                    coldItems++;
                }
            }
            if (trainRows.count(u) == 0) {
                coldUsers++;
                excluded += to - from;
                continue;
            }
            int rowStart = filled;
            for (int j = from; j < to; j++) {
                int item = testItemColumn[j];
                if (itemTrainCount[item] == 0 || (j > from && item == testItemColumn[j - 1])
                        || trainRows.contains(u, item)) {
                    excluded++;
                    continue;
                }
                if (evalRatings != null) {
                    evalRatings[filled] = test.rating(testIndex[j]);
                }
                evalItems[filled++] = item;
            }
            if (filled > rowStart) {
                evalUsers[m] = u;
                evalOffsets[++m] = filled;
            }
        }

        int batches = (m + batchUsers - 1) / batchUsers;
        double[][] partial = new double[batches][];
        int usersEvaluated = m;
        List<Callable<Void>> tasks = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            int batch = b;
            tasks.add(() -> {
                partial[batch] = evaluateBatch(model, batch * batchUsers, Math.min(usersEvaluated,
                        (batch + 1) * batchUsers), evalUsers, evalOffsets, evalItems, evalRatings, trainRows);
                return null;
            });
        }
        runAll(tasks);
        double[] sum = new double[8];
        for (double[] p : partial) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        double users = Math.max(1, m);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvaluationResult(m == 0 ? Double.NaN : sum[0] / users, m == 0 ? Double.NaN : sum[1] / users,
                m == 0 ? Double.NaN : sum[2] / users, m == 0 ? Double.NaN : sum[3] / users,
                m == 0 ? Double.NaN : sum[4] / users, sum[6] == 0 ? Double.NaN : sum[5] / sum[6],
                withRmse && filled > 0 ? Math.sqrt(sum[7] / filled) : Double.NaN,
                k, m, coldUsers, coldItems, excluded, seconds);
    }

    /** Sums of rr, precision, recall, ndcg, hit, auc, users with auc, squared error over users [from, to). */
    private double[] evaluateBatch(TrainedModel model, int from, int to, int[] evalUsers, int[] evalOffsets,
                                   int[] evalItems, float[] evalRatings, UserItems trainRows) {
        int[] users = Arrays.copyOfRange(evalUsers, from, to);
        float[][] scores = model.scoreAll(users);
        if (scores.length != users.length) {
            throw new IllegalStateException("model returned " + scores.length + " score rows for " + users.length
                    + " users");
        }
        UserRanking ranking = new UserRanking(k);
        double[] sum = new double[8];
        int[] trainItems = trainRows.items();
        for (int b = 0; b < users.length; b++) {
            int u = users[b];
            float[] row = scores[b];
            if (row.length != model.numItems()) {
                throw new IllegalStateException("model returned " + row.length + " scores for user " + u
                        + "; expected " + model.numItems());
            }
            int ts = evalOffsets[from + b];
            int te = evalOffsets[from + b + 1];
            ranking.rank(row, trainItems, trainRows.start(u), trainRows.end(u), evalItems, ts, te);
            sum[0] += ranking.reciprocalRank();
            sum[1] += ranking.precision();
            sum[2] += ranking.recall();
            sum[3] += ranking.ndcg();
            sum[4] += ranking.hit();
            if (!Double.isNaN(ranking.auc())) {
                sum[5] += ranking.auc();
                sum[6]++;
            }
            if (evalRatings != null) {
                for (int j = ts; j < te; j++) {
                    double e = row[evalItems[j]] - evalRatings[j];
                    sum[7] += e * e;
                }
            }
        }
        return sum;
    }

    private void runAll(List<Callable<Void>> tasks) {
        if (threads == 1 || tasks.size() <= 1) {
            for (Callable<Void> task : tasks) {
                try {
                    task.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "bloomfit-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkSpace(TrainedModel model, Interactions train, Interactions test) {
        if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()) {
            throw new IllegalArgumentException("train (" + train.numUsers() + " users, " + train.numItems()
                    + " items) and test (" + test.numUsers() + " users, " + test.numItems()
                    + " items) must share one index space: split one dataset instead of loading two");
        }
        if (model.numItems() != train.numItems() || model.numUsers() != train.numUsers()) {
            throw new IllegalArgumentException("the model scores " + model.numUsers() + " users x " + model.numItems()
                    + " items but the data has " + train.numUsers() + " x " + train.numItems());
        }
    }
}
