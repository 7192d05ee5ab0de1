package io.bloomfit.api.train;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one {@link TrainedModel#score} and {@link TrainedModel#recommend}: hand-computed rows for ties, NaN, signed
 * zeros, exclusion and the bounds of k, then random rows with many ties against a plain sort written here.
 */
class TrainedModelDefaultsTest {

    /** Scores given row by row; only {@link #scoreAll} and the sizes are its own. */
    private record Rows(float[][] rows) implements TrainedModel {

        @Override
        public int numUsers() {
            return rows.length;
        }

        @Override
        public int numItems() {
            return rows[0].length;
        }

        @Override
        public float[][] scoreAll(int[] users) {
            float[][] out = new float[users.length][];
            for (int i = 0; i < users.length; i++) {
                out[i] = rows[users[i]].clone();
            }
            return out;
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException("not saved");
        }

        @Override
        public FitReport report() {
            return new FitReport(new double[0], new double[0], "cpu()", 1, 0);
        }

        @Override
        public void close() {
        }
    }

    private static final float NAN = Float.NaN;
    /** User 0: three items tie at 3; user 1: NaN scores among numbers. */
    private static final Rows MODEL = new Rows(new float[][] {
        {1, 3, 3, 2, 3},
        {NAN, 0.5f, NAN, 2, Float.NEGATIVE_INFINITY}});

    @Test
    void equalScoresGoToTheLowerItemId() {
        assertThat(MODEL.recommend(0, 1, new int[0])).containsExactly(1);
        assertThat(MODEL.recommend(0, 3, new int[0])).containsExactly(1, 2, 4);
        assertThat(MODEL.recommend(0, 5, new int[0])).containsExactly(1, 2, 4, 3, 0);
    }

    @Test
    void nanScoresRankBelowEveryNumberLowerIdFirst() {
        assertThat(MODEL.recommend(1, 5, new int[0])).containsExactly(3, 1, 4, 0, 2);
        assertThat(MODEL.recommend(1, 4, new int[0])).containsExactly(3, 1, 4, 0);
    }

    @Test
    void negativeZeroTiesWithZero() {
        Rows zeros = new Rows(new float[][] {{-0.0f, 0.0f, -0.0f}});
        assertThat(zeros.recommend(0, 3, new int[0])).containsExactly(0, 1, 2);
    }

    @Test
    void excludedItemsAreNeverReturnedAndRepeatsCountOnce() {
        assertThat(MODEL.recommend(0, 10, new int[] {1, 4, 1})).containsExactly(2, 3, 0);
        assertThat(MODEL.recommend(0, 2, new int[] {2})).containsExactly(1, 4);
        assertThat(MODEL.recommend(1, 10, new int[] {3, 0})).containsExactly(1, 4, 2);
        assertThat(MODEL.recommend(0, 3, new int[] {0, 1, 2, 3, 4})).isEmpty();
    }

    @Test
    void kAboveTheCandidatesReturnsEveryCandidate() {
        assertThat(MODEL.recommend(0, Integer.MAX_VALUE, new int[] {0})).containsExactly(1, 2, 4, 3);
        assertThat(MODEL.recommend(0, 6, new int[0])).hasSize(5);
    }

    @Test
    void kBelowOneIsRefusedNamingK() {
        assertThatThrownBy(() -> MODEL.recommend(0, 0, new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be >= 1, was 0");
        assertThatThrownBy(() -> MODEL.recommend(0, -3, new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be >= 1, was -3");
    }

    @Test
    void anExcludedIdOutsideTheItemsIsRefusedNamingIt() {
        assertThatThrownBy(() -> MODEL.recommend(0, 2, new int[] {1, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item index 5 in exclude is outside 0..4");
        assertThatThrownBy(() -> MODEL.recommend(0, 2, new int[] {-1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item index -1 in exclude is outside 0..4");
    }

    @Test
    void scoreReadsTheUsersRowInTheOrderAsked() {
        assertThat(MODEL.score(0, new int[] {4, 0, 4, 3})).containsExactly(3, 1, 3, 2);
        assertThat(MODEL.score(1, new int[] {3, 0})).containsExactly(2, NAN);
        assertThat(MODEL.score(0, new int[0])).isEmpty();
        assertThatThrownBy(() -> MODEL.score(0, new int[] {0, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item index 5 is outside 0..4");
    }

    @Test
    void randomRowsWithTiesRankAsAPlainSortDoes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            int items = 1 + random.nextInt(40);
            float[] row = new float[items];
            for (int i = 0; i < items; i++) {
                // few distinct values: most scores tie with another; now and then NaN or a signed zero
                int draw = random.nextInt(12);
                row[i] = draw == 0 ? NAN : draw == 1 ? -0.0f : draw - 6;
            }
            int[] exclude = random.ints(random.nextInt(items + 1), 0, items).toArray();
            int k = 1 + random.nextInt(items + 3);
            Rows model = new Rows(new float[][] {row});

            assertThat(model.recommend(0, k, exclude)).as("trial %d: %s, k %d, exclude %s", trial,
                    Arrays.toString(row), k, Arrays.toString(exclude)).containsExactly(sorted(row, k, exclude));
        }
    }

    /** Every item not excluded, by score descending (NaN last, {@code -0 == 0}), then id ascending; the first k. */
    private static int[] sorted(float[] row, int k, int[] exclude) {
        Comparator<Integer> byScore = (a, b) -> {
            boolean nanA = Float.isNaN(row[a]);
            boolean nanB = Float.isNaN(row[b]);
            if (nanA || nanB) {
                return Boolean.compare(nanA, nanB);
            }
            return row[a] == row[b] ? 0 : row[a] > row[b] ? -1 : 1;
        };
        return IntStream.range(0, row.length).filter(i -> IntStream.of(exclude).noneMatch(e -> e == i)).boxed()
                .sorted(byScore.thenComparing(Comparator.naturalOrder())).limit(k).mapToInt(Integer::intValue)
                .toArray();
    }
}
