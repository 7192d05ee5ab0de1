package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.train.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Java scoring of the engine-neutral model, against dot products of its own combined vectors done here. */
class FactorizationModelTest {

    // 5000 items: more than two scoring blocks of 2048
    private static final FactorizationModel MODEL = Models.random(Models.bloom(30, 8, 3), Models.plain(5000, 8),
            Models.spec(8, false), 11);

    @Test
    void scoreIsTheDotProductOfTheCombinedVectorsPlusBiases() {
        for (int u : new int[] {0, 7, 29}) {
            float[] uv = MODEL.userVector(u);
            for (int i : new int[] {0, 2047, 2048, 4999}) {
                float[] iv = MODEL.itemVector(i);
                double dot = 0;
                for (int d = 0; d < uv.length; d++) {
                    dot += (double) uv[d] * iv[d];
                }
                double expected = dot + MODEL.userBias(u) + MODEL.itemBias(i);
                assertThat((double) MODEL.score(u, new int[] {i})[0]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void scoreAllAgreesExactlyWithScore() {
        int[] users = {3, 0, 29, 3};
        int[] items = IntStream.range(0, 5000).toArray();
        float[][] all = MODEL.scoreAll(users);
        for (int r = 0; r < users.length; r++) {
            assertThat(all[r]).containsExactly(MODEL.score(users[r], items));
        }
        assertThat(MODEL.scoreAll(new int[0])).isEmpty();
    }

    @Test
    void userVectorCombinesTheMeanOfItsBloomRows() {
        // bloom layouts read k = 2 rows and take their mean
        ModelParameters p = MODEL.parameters();
        float[] table = p.table(TableId.USER_VECTORS);
        int r0 = MODEL.userLayout().globalRow(5, 0);
        int r1 = MODEL.userLayout().globalRow(5, 1);
        float[] expected = new float[8];
        for (int d = 0; d < 8; d++) {
            expected[d] = (table[r0 * 8 + d] + table[r1 * 8 + d]) / 2;
        }
        assertThat(MODEL.userVector(5)).containsExactly(expected, within(1e-6f));
    }

    @Test
    void recommendReturnsTheBestUnexcludedItemsBestFirst() {
        int user = 4;
        float[] scores = MODEL.scoreAll(new int[] {user})[0];
        Integer[] ranked = IntStream.range(0, 5000).boxed().toArray(Integer[]::new);
        Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        int[] exclude = {ranked[0], ranked[2]};
        int[] expected = Arrays.stream(ranked).filter(i -> i != ranked[0] && i != ranked[2]).limit(10)
                .mapToInt(Integer::intValue).toArray();
        assertThat(MODEL.recommend(user, 10, exclude)).containsExactly(expected);
        assertThat(MODEL.recommend(user, 3, new int[0])).containsExactly(ranked[0], ranked[1], ranked[2]);
    }

    @Test
    void scoreGivesTheDefaultsFloatsOnTiedScoresAndRecommendIsTheDefault() throws NoSuchMethodException {
        FactorizationModel tied = Models.tied(Models.bloom(20, 4, 5), Models.plain(300, 4), Models.spec(4, false), 3);
        TrainedModel defaults = Models.defaultsOf(tied);
        SplittableRandom random = new SplittableRandom(17);
        for (int user = 0; user < 20; user++) {
            float[] row = tied.scoreAll(new int[] {user})[0];
            assertThat(IntStream.range(0, 300).mapToObj(i -> row[i]).distinct().count()).as("ties").isLessThan(100);
            int[] items = random.ints(60, 0, 300).toArray();
            assertThat(tied.score(user, items)).containsExactly(defaults.score(user, items));
        }
        assertThatThrownBy(() -> tied.score(0, new int[] {300})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.score(0, new int[] {300})).isInstanceOf(IllegalArgumentException.class);
        // only score is overridden (for speed: it scores the items asked, not all of them)
        assertThat(FactorizationModel.class.getMethod("recommend", int.class, int.class, int[].class)
                .getDeclaringClass()).isEqualTo(TrainedModel.class);
    }

    @Test
    void badIdsNameTheIndexAndRange() {
        assertThatThrownBy(() -> MODEL.scoreAll(new int[] {30})).hasMessageContaining("user index 30")
                .hasMessageContaining("0..29");
        assertThatThrownBy(() -> MODEL.score(0, new int[] {5000})).hasMessageContaining("item index 5000");
        assertThatThrownBy(() -> MODEL.recommend(0, 0, new int[0])).hasMessageContaining("k must be >= 1");
    }

    @Test
    void closedModelRefusesToScore() {
        FactorizationModel small = Models.random(Models.plain(4, 2), Models.plain(6, 2), Models.spec(2, false), 1);
        small.close();
        small.close();
        assertThatThrownBy(() -> small.scoreAll(new int[] {0})).hasMessageContaining("closed");
    }
}
