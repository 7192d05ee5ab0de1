package io.bloomfit.eval;

import java.util.Arrays;

/**
 * Ranking metrics of ONE user from that user's scores over ALL items, with the user's training items taken out of
 * the ranking, computed in a single pass over the scores with primitive scratch arrays (reused between users, so
 * one instance per thread).
 *
 * <p>Definitions (for user u with test items T, training items R, candidates C = all items minus R):
 * <ul>
 *   <li><b>Reciprocal rank</b>: each test item's rank among C, 1 = best, ties given the AVERAGE rank
 *       ({@code #better + (#tied including itself + 1) / 2}, scipy's {@code rankdata(method='average')}); other test
 *       items count as competitors. The user's value is the mean of {@code 1/rank} over T. This is exactly
 *       Spotlight's {@code mrr_score(model, test, train=train)}, which negates the predictions, sets the training
 *       items to {@code FLOAT_MAX} and takes {@code rankdata(...)[test items]} (assuming finite scores).</li>
 *   <li><b>Top k</b>: the k best items of C by score; ties are broken deterministically by the LOWER item index
 *       first (what a stable sort gives). Spotlight's {@code precision_recall_score} uses numpy's default
 *       {@code argsort} (introsort, not stable), so with tied scores at the cut-off its lists may differ from ours;
 *       without ties they agree.</li>
 *   <li><b>Precision@k</b> = hits in the top k / {@code min(k, number of items)}; <b>Recall@k</b> = hits / |T|
 *       (Spotlight's definitions: its list is cut from all items with training items pushed last).</li>
 *   <li><b>HitRate@k</b> = 1 when the top k holds at least one test item.</li>
 *   <li><b>NDCG@k</b> with binary relevance: {@code sum over hit positions p (1-based) of 1/log2(p+1)} divided by the
 *       ideal {@code sum_{p=1..min(k,|T|)} 1/log2(p+1)}.</li>
 *   <li><b>AUC</b>: probability that a test item scores above a candidate that is not a test item, ties counting
 *       one half; {@code NaN} when every candidate is a test item.</li>
 * </ul>
 * A {@code NaN} score is treated as {@code -Infinity} (worst).
 */
public final class UserRanking {

    /** Up to this many test items, an item's place among the test scores is counted linearly. */
    private static final int LINEAR_MAX = 16;

    /** Bucket table (see {@link #bucket}) only pays off when a row is much longer than the table. */
    private static final int TABLE_MIN_ITEMS = 16_384;
    private static final int BUCKETS = 1 << 16;

    private final int k;
    private final double[] discount;
    /**
     * For each bucket of the score line, how many test scores lie below every score in it, or -1 when a test score
     * falls inside it (then the item is placed exactly). Most items resolve with one lookup.
     */
    private final byte[] table = new byte[BUCKETS];
    private float[] testScores = new float[16];
    private int[] aboveCount = new int[17];
    private int[] equalDiff = new int[17];
    private final int[] topItems;
    private final float[] topScores;

    private double reciprocalRank;
    private double precision;
    private double recall;
    private double ndcg;
    private double hit;
    private double auc;

    /** @param k cut-off of the top-k metrics, {@code >= 1} */
    public UserRanking(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
        this.discount = new double[k];
        for (int p = 0; p < k; p++) {
            discount[p] = 1 / (Math.log(p + 2) / Math.log(2));
        }
        this.topItems = new int[k];
        this.topScores = new float[k];
    }

    /** Convenience for small cases: ranks with training items {@code train} and test items {@code test}. */
    public UserRanking rank(float[] scores, int[] train, int[] test) {
        int[] r = train.clone();
        int[] t = test.clone();
        Arrays.sort(r);
        Arrays.sort(t);
        return rank(scores, r, 0, r.length, t, 0, t.length);
    }

    /**
     * Computes every metric for one user.
     *
     * @param scores    the user's score of every item (higher is better); not modified
     * @param train     sorted training items in {@code [trainFrom, trainTo)}
     * @param test      sorted, distinct test items in {@code [testFrom, testTo)}, none of them in train, at least one
     * @return this, holding the results
     */
    public UserRanking rank(float[] scores, int[] train, int trainFrom, int trainTo,
                            int[] test, int testFrom, int testTo) {
        int t = testTo - testFrom;
        if (t < 1) {
            throw new IllegalArgumentException("a user needs at least one test item");
        }
        if (testScores.length < t) {
            testScores = new float[Math.max(t, testScores.length * 2)];
            aboveCount = new int[testScores.length + 1];
            equalDiff = new int[testScores.length + 1];
        }
        float[] ts = testScores;
        for (int j = 0; j < t; j++) {
            ts[j] = clean(scores[test[testFrom + j]]);
        }
        Arrays.sort(ts, 0, t);
        // above[v]: candidates with exactly v test scores below them; equalDiff: difference array of ties
        int[] above = aboveCount;
        Arrays.fill(above, 0, t + 1, 0);
        Arrays.fill(equalDiff, 0, t + 1, 0);
        float min = ts[0];
        boolean useTable = t < Byte.MAX_VALUE && scores.length >= TABLE_MIN_ITEMS;
        if (useTable) {
            buildTable(ts, t);
        }
        int topSize = 0;
        int candidates = 0;
        int n = scores.length;
        int p = trainFrom;
        int nextTrain = p < trainTo ? train[p] : Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (i == nextTrain) {
                do {
                    p++;
                } while (p < trainTo && train[p] == i);
                nextTrain = p < trainTo ? train[p] : Integer.MAX_VALUE;
                continue;
            }
            candidates++;
            float s = scores[i] + 0f; // turns -0 into +0
            if (s != s) {
                s = Float.NEGATIVE_INFINITY;
            }
            if (topSize < k || s > topScores[k - 1]) {
                topSize = insertTop(i, s, topSize);
            }
            if (useTable) {
                int v = table[bucket(s)];
                if (v >= 0) { // no test score shares this bucket: v test scores are below s, none equal
                    above[v]++;
                    continue;
                }
            } else if (s < min) {
                continue;
            }
            int lt;
            if (t <= LINEAR_MAX) { // independent compares: no dependency chain
                lt = 0;
                for (int q = 0; q < t; q++) {
                    lt += ts[q] < s ? 1 : 0;
                }
            } else {
                lt = lowerBound(ts, t, s);
            }
            above[lt]++;
            if (lt < t && ts[lt] == s) { // a tie with a test score: rare with real-valued scores
                int le = upperBound(ts, lt, t, s);
                equalDiff[lt]++;
                equalDiff[le]--;
            }
        }
        int negatives = candidates - t;
        double rrSum = 0;
        double aucSum = 0;
        // greater for sorted position q = candidates with more than q test scores below them = sum above[q+1..t]
        int greater = 0;
        for (int v = 1; v <= t; v++) {
            greater += above[v];
        }
        int equal = 0;
        int runStart = 0;
        for (int q = 0; q < t; q++) {
            if (q > 0) {
                greater -= above[q];
            }
            equal += equalDiff[q];
            rrSum += 1.0 / (greater + (equal + 1) / 2.0);
            if (q == 0 || ts[q] != ts[q - 1]) {
                runStart = q;
            }
            int runEnd = q + 1;
            while (runEnd < t && ts[runEnd] == ts[q]) {
                runEnd++;
            }
            int testGreater = t - runEnd;
            int testEqual = runEnd - runStart;
            int greaterNeg = greater - testGreater;
            int equalNeg = equal - testEqual;
            aucSum += (negatives - greaterNeg - equalNeg) + 0.5 * equalNeg;
        }
        reciprocalRank = rrSum / t;
        auc = negatives > 0 ? aucSum / ((double) t * negatives) : Double.NaN;

        int hits = 0;
        double dcg = 0;
        for (int pos = 0; pos < topSize; pos++) {
            if (Arrays.binarySearch(test, testFrom, testTo, topItems[pos]) >= 0) {
                hits++;
                dcg += discount[pos];
            }
        }
        double ideal = 0;
        for (int pos = 0, end = Math.min(k, t); pos < end; pos++) {
            ideal += discount[pos];
        }
        precision = hits / (double) Math.min(k, n);
        recall = hits / (double) t;
        hit = hits > 0 ? 1 : 0;
        ndcg = dcg / ideal;
        return this;
    }

    private int insertTop(int item, float s, int topSize) {
        // keep topScores descending; an equal score never displaces an earlier (lower) item
        int pos = topSize < k ? topSize : k - 1;
        while (pos > 0 && topScores[pos - 1] < s) {
            if (pos < k) {
                topScores[pos] = topScores[pos - 1];
                topItems[pos] = topItems[pos - 1];
            }
            pos--;
        }
        topScores[pos] = s;
        topItems[pos] = item;
        return Math.min(topSize + 1, k);
    }

    /**
     * Order-preserving bucket of a (non-NaN, +0-normalised) score: the top 16 bits of its bits mapped to a signed-order
     * integer, i.e. sign, exponent and 7 mantissa bits: a relative width of 1/128.
     */
    private static int bucket(float s) {
        int bits = Float.floatToRawIntBits(s);
        return ((bits ^ ((bits >> 31) & 0x7fffffff)) >>> 16) ^ 0x8000;
    }

    private void buildTable(float[] ts, int t) {
        int next = 0;
        for (int q = 0; q < t; q++) {
            int b = bucket(ts[q]);
            if (b >= next) {
                Arrays.fill(table, next, b, (byte) q);
                table[b] = -1;
                next = b + 1;
            }
        }
        Arrays.fill(table, next, BUCKETS, (byte) t);
    }

    private static float clean(float s) {
        return s != s ? Float.NEGATIVE_INFINITY : s + 0f;
    }

    /** Number of entries of sorted {@code a[0..n)} below {@code s}, {@code n >= 1}: branch-free binary search. */
    private static int lowerBound(float[] a, int n, float s) {
        int base = 0;
        int len = n;
        while (len > 1) {
            int half = len >>> 1;
            base = a[base + half] < s ? base + half : base;
            len -= half;
        }
        return base + (a[base] < s ? 1 : 0);
    }

    /** Number of entries of {@code a[0..n)} at most {@code s}, searching from {@code from}. */
    private static int upperBound(float[] a, int from, int n, float s) {
        int lo = from;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public int k() {
        return k;
    }

    /** Mean of 1/rank over the test items (average rank for ties). */
    public double reciprocalRank() {
        return reciprocalRank;
    }

    public double precision() {
        return precision;
    }

    public double recall() {
        return recall;
    }

    public double ndcg() {
        return ndcg;
    }

    /** 1 or 0. */
    public double hit() {
        return hit;
    }

    /** {@code NaN} when no candidate is outside the test items. */
    public double auc() {
        return auc;
    }
}
