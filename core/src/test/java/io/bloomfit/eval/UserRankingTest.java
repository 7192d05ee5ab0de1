package io.bloomfit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.data.SeededCase;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserRankingTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /**
     * Hand-computed. Candidates (item 0 is train) score 1:.1, 2:.5, 3:.5, 4:.3, 5:.7; test = {2, 4}.
     * scipy.stats.rankdata(-scores with train set to FLOAT_MAX) = [6, 5, 2.5, 2.5, 4, 1] -> ranks 2.5 and 4,
     * RR = (1/2.5 + 1/4)/2 = 0.325. Top 2 = [5, 2] (2 and 3 tie: lower index first): 1 hit -> P = 1/2, R = 1/2,
     * NDCG = (1/log2 3) / (1 + 1/log2 3). AUC: negatives {1:.1, 3:.5, 5:.7}: item 2 beats 1, ties 3 -> 1.5;
     * item 4 beats 1 -> 1; (1.5 + 1) / (2 * 3).
     */
    @Test
    void handComputedCaseWithTies() {
        float[] scores = {0.9f, 0.1f, 0.5f, 0.5f, 0.3f, 0.7f};
        UserRanking r = new UserRanking(2).rank(scores, new int[] {0}, new int[] {4, 2});
        assertThat(r.reciprocalRank()).isCloseTo(0.325, within(1e-12));
        assertThat(r.precision()).isEqualTo(0.5);
        assertThat(r.recall()).isEqualTo(0.5);
        assertThat(r.hit()).isEqualTo(1.0);
        assertThat(r.ndcg()).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-12));
        assertThat(r.auc()).isCloseTo(2.5 / 6, within(1e-12));
    }

    /** Spotlight cuts predictions[:k] from all items, so precision divides by min(k, items) = 3 here. */
    @Test
    void kLargerThanTheCatalogue() {
        float[] scores = {1f, 5f, 0f};
        UserRanking r = new UserRanking(5).rank(scores, new int[] {1}, new int[] {2});
        assertThat(r.reciprocalRank()).isEqualTo(0.5);
        assertThat(r.precision()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.ndcg()).isCloseTo(1 / LOG2_3, within(1e-12));
        assertThat(r.auc()).isEqualTo(0.0);
    }

    /** A miss: the test item is ranked 3rd of 4 candidates, outside the top 2. */
    @Test
    void missOutsideTheTopK() {
        float[] scores = {4f, 3f, 2f, 1f};
        UserRanking r = new UserRanking(2).rank(scores, new int[0], new int[] {2});
        assertThat(r.reciprocalRank()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(r.precision()).isZero();
        assertThat(r.recall()).isZero();
        assertThat(r.hit()).isZero();
        assertThat(r.ndcg()).isZero();
        assertThat(r.auc()).isCloseTo(1 / 3.0, within(1e-12)); // beats item 3 only, of 3 negatives
    }

    @Test
    void nanScoresRankLast() {
        float[] scores = {Float.NaN, 1f, 2f};
        UserRanking r = new UserRanking(1).rank(scores, new int[0], new int[] {0});
        assertThat(r.reciprocalRank()).isCloseTo(1 / 3.0, within(1e-12));
    }

    static Stream<SeededCase> shortRowCases() {
        return SeededCase.cases(200);
    }

    /** A perfect scorer puts the t test items first: ranks 1..t, so MRR = H(t)/t (1 with one test item). */
    @ParameterizedTest
    @MethodSource("shortRowCases")
    void perfectScorer(SeededCase c) {
        ShortRow row = ShortRow.draw(c);
        int items = row.items();
        c.check(() -> {
            int[] test = row.test();
            int[] train = row.train();
            int tt = test.length;
            float[] scores = new float[items];
            Random random = new Random(row.seed() + 1);
            for (int i = 0; i < items; i++) {
                scores[i] = random.nextFloat();
            }
            for (int j = 0; j < tt; j++) {
                scores[test[j]] = 2 + j;
            }
            for (int i : train) {
                scores[i] = 100; // training items score highest but must not count
            }
            UserRanking rank = new UserRanking(10).rank(scores, train, test);
            double harmonic = 0;
            for (int j = 1; j <= tt; j++) {
                harmonic += 1.0 / j;
            }
            assertThat(rank.reciprocalRank()).isCloseTo(harmonic / tt, within(1e-9));
            if (tt == 1) {
                assertThat(rank.reciprocalRank()).isEqualTo(1.0);
            }
            assertThat(rank.ndcg()).isCloseTo(1.0, within(1e-9));
            assertThat(rank.hit()).isEqualTo(1.0);
            assertThat(rank.recall()).isCloseTo(Math.min(tt, 10) / (double) tt, within(1e-12));
            if (items - train.length > tt) {
                assertThat(rank.auc()).isEqualTo(1.0);
            }
        });
    }

    /** A constant scorer ties all c candidates: every test item gets the average rank (c+1)/2; AUC 1/2. */
    @ParameterizedTest
    @MethodSource("shortRowCases")
    void constantScorer(SeededCase c) {
        ShortRow row = ShortRow.draw(c);
        c.check(() -> {
            float[] scores = new float[row.items()];
            Arrays.fill(scores, 0.25f);
            UserRanking rank = new UserRanking(10).rank(scores, row.train(), row.test());
            int candidates = row.items() - row.train().length;
            assertThat(rank.reciprocalRank()).isCloseTo(2.0 / (candidates + 1), within(1e-12));
            if (candidates > row.test().length) {
                assertThat(rank.auc()).isEqualTo(0.5);
            }
        });
    }

    static Stream<SeededCase> longRowCases() {
        return SeededCase.cases(30);
    }

    /**
     * Long rows (where the bucket table is used) against a brute-force evaluation of the definitions: for each test
     * item, count better and tied candidates directly; top k by a full stable sort. Scores are quantised on some
     * tries so that ties with test scores and -0/+0 occur.
     */
    @ParameterizedTest
    @MethodSource("longRowCases")
    void longRowsMatchTheDefinitions(SeededCase c) {
        int items = c.intBetween("items", 16_384, 40_000);
        int t = c.intBetween("t", 1, 40);
        int r = c.intBetween("r", 0, 100);
        boolean quantised = c.anyBoolean("quantised");
        long seed = c.anyLong("seed");
        c.check(() -> {
            Random random = new Random(seed);
            int[][] sets = disjoint(items, t, r, random);
            int[] test = sets[0].clone();
            int[] train = sets[1].clone();
            Arrays.sort(test);
            Arrays.sort(train);
            float[] scores = new float[items];
            for (int i = 0; i < items; i++) {
                scores[i] = quantised ? (random.nextInt(41) - 20) / 4f : (float) random.nextGaussian() * 3;
            }
            if (quantised) {
                scores[test[0]] = -0f;
            }
            UserRanking rank = new UserRanking(10).rank(scores, train, 0, train.length, test, 0, test.length);

            boolean[] isTrain = new boolean[items];
            for (int i : train) {
                isTrain[i] = true;
            }
            boolean[] isTest = new boolean[items];
            for (int i : test) {
                isTest[i] = true;
            }
            double rr = 0;
            double aucSum = 0;
            long negatives = items - train.length - test.length;
            for (int j : test) {
                double sj = scores[j] == 0 ? 0 : scores[j];
                long better = 0;
                long tied = 0;
                long negBelow = 0;
                long negTied = 0;
                for (int i = 0; i < items; i++) {
                    if (isTrain[i]) {
                        continue;
                    }
                    double si = scores[i] == 0 ? 0 : scores[i];
                    if (si > sj) {
                        better++;
                    } else if (si == sj) {
                        tied++;
                    }
                    if (!isTest[i]) {
                        if (si < sj) {
                            negBelow++;
                        } else if (si == sj) {
                            negTied++;
                        }
                    }
                }
                rr += 1 / (better + (tied + 1) / 2.0);
                aucSum += negBelow + 0.5 * negTied;
            }
            assertThat(rank.reciprocalRank()).isCloseTo(rr / test.length, within(1e-9));
            assertThat(rank.auc()).isCloseTo(aucSum / ((double) test.length * negatives), within(1e-9));

            Integer[] order = new Integer[items];
            for (int i = 0; i < items; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(scores[b] + 0f, scores[a] + 0f)); // stable: lower index first
            int hits = 0;
            int listed = 0;
            for (int i = 0; i < items && listed < 10; i++) {
                if (isTrain[order[i]]) {
                    continue;
                }
                listed++;
                if (isTest[order[i]]) {
                    hits++;
                }
            }
            assertThat(rank.precision()).isCloseTo(hits / 10.0, within(1e-12));
            assertThat(rank.recall()).isCloseTo(hits / (double) test.length, within(1e-12));
        });
    }

    /**
     * A user's row of 2..300 items with up to 20 test and 50 training items, disjoint, drawn from {@code c}.
     *
     * @param seed the seed the sets were drawn with, for the scores a law draws
     */
    private record ShortRow(int items, int[] test, int[] train, long seed) {

        static ShortRow draw(SeededCase c) {
            int items = c.intBetween("items", 2, 300);
            int t = c.intBetween("t", 1, 20);
            int r = c.intBetween("r", 0, 50);
            long seed = c.anyLong("seed");
            int[][] sets = disjoint(items, t, r, new Random(seed));
            return new ShortRow(items, sets[0], sets[1], seed);
        }
    }

    /** [test items, train items]: disjoint, at least one test item. */
    private static int[][] disjoint(int items, int t, int r, Random random) {
        int[] perm = new int[items];
        for (int i = 0; i < items; i++) {
            perm[i] = i;
        }
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = perm[i];
            perm[i] = perm[j];
            perm[j] = x;
        }
        int tt = Math.min(t, items - 1);
        int rr = Math.min(r, items - tt);
        return new int[][] {Arrays.copyOfRange(perm, 0, tt), Arrays.copyOfRange(perm, tt, tt + rr)};
    }
}
