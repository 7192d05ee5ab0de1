package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SplitsTest {

    @Test
    void randomSplitHoldsOutTheRoundedFractionOfPairsAndIsSeeded() {
        // 10 distinct pairs, one of them (0,1) repeated
        Interactions data = new Interactions(3, 6,
                new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0},
                new int[] {1, 2, 3, 0, 4, 5, 1, 2, 3, 4, 1}, null, null);
        Interactions[] a = RandomSplit.split(data, 0.3, 42);
        Interactions[] b = RandomSplit.split(data, 0.3, 42);
        assertThat(pairs(a[1])).hasSize(3);
        assertThat(a[0].size() + a[1].size()).isEqualTo(11);
        assertThat(pairs(a[1])).isEqualTo(pairs(b[1]));
        assertThat(intersection(pairs(a[0]), pairs(a[1]))).isEmpty();
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !pairs(RandomSplit.split(data, 0.3, seed)[1]).equals(pairs(a[1]));
        }
        assertThat(differs).as("another seed picks other pairs").isTrue();
    }

    @Test
    void leaveLastOutHoldsOutEachUsersLatestPair() {
        // user 0: items 0@5, 1@9, 2@7 -> item 1; user 1: a single pair stays in train;
        // user 2: items 3 and 4 both @3 -> the later line (item 4) is held out
        Interactions data = new Interactions(3, 5,
                new int[] {0, 0, 0, 1, 2, 2},
                new int[] {0, 1, 2, 3, 3, 4}, null,
                new long[] {5, 9, 7, 1, 3, 3});
        Split split = LeaveLastOutSplit.apply(data);
        assertThat(pairs(split.test())).containsExactlyInAnyOrder(pair(0, 1), pair(2, 4));
        assertThat(pairs(split.train())).containsExactlyInAnyOrder(pair(0, 0), pair(0, 2), pair(1, 3), pair(2, 3));
        assertThat(split.coldStartUsers()).isZero();
        assertThat(split.coldStartItems()).isEqualTo(2); // items 1 and 4 occur only in test
        assertThat(split.hasValidation()).isFalse();
    }

    @Test
    void timeFractionHoldsOutEachUsersLatestShareButKeepsOneForTraining() {
        // user 0: 5 pairs at times 5,4,3,2,1 -> 0.4 * 5 = 2 latest (items 0, 1); user 1: 2 pairs -> round(0.8) = 1
        // (item 6 @ 9); user 2: one pair stays
        Interactions data = new Interactions(3, 8,
                new int[] {0, 0, 0, 0, 0, 1, 1, 2},
                new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new float[] {1, 2, 3, 4, 5, 1, 2, 3},
                new long[] {5, 4, 3, 2, 1, 8, 9, 1});
        Split split = UserTimeSplit.apply(data, 0.4);
        assertThat(pairs(split.test())).containsExactlyInAnyOrder(pair(0, 0), pair(0, 1), pair(1, 6));
        assertThat(split.test().hasRatings()).isTrue();
        assertThat(split.train().size()).isEqualTo(5);
    }

    @Test
    void userHoldoutHoldsOutARandomShareOfEachUserAndNeedsNoTimestamps() {
        // user 0: 5 pairs -> round(0.4 * 5) = 2 held out; user 1: 2 pairs -> min(1, round(0.8)) = 1; user 2: one pair
        // stays as input. No timestamps.
        Interactions data = new Interactions(3, 8,
                new int[] {0, 0, 0, 0, 0, 1, 1, 2},
                new int[] {0, 1, 2, 3, 4, 5, 6, 7}, null, null);
        Split split = UserHoldoutSplit.apply(data, 0.4, 11);
        int[] held = split.test().userCounts();
        assertThat(held).containsExactly(2, 1, 0);
        assertThat(split.train().userCounts()).containsExactly(3, 1, 1);
        assertThat(split.coldStartUsers()).isZero();
        assertThat(pairs(UserHoldoutSplit.apply(data, 0.4, 11).test())).isEqualTo(pairs(split.test()));
        boolean differs = false;
        for (long seed = 0; seed < 20 && !differs; seed++) {
            differs = !pairs(UserHoldoutSplit.apply(data, 0.4, seed).test()).equals(pairs(split.test()));
        }
        assertThat(differs).as("another seed holds out other items").isTrue();
        assertThat(split.description()).isEqualTo("user-holdout(test=0.4, seed=11)");
    }

    @Test
    void validationComesOutOfTrainWithTheSameKind() {
        Interactions data = SyntheticDatasets.preset("synthetic-ml100k").interactions();
        Split split = new SplitSpec("random", 0.2, 7, 0.1).apply(data);
        assertThat(split.test().size()).isEqualTo(20_000);
        assertThat(split.validation().size()).isEqualTo(8_000);
        assertThat(split.train().size()).isEqualTo(72_000);
        assertDisjoint(split);
        Split lastOut = SplitSpec.leaveLastOut().withValidation(0.5).apply(data);
        assertThat(lastOut.test().size()).isEqualTo(943);
        assertThat(lastOut.validation().size()).isEqualTo(943);
        assertDisjoint(lastOut);
    }

    @Test
    void errorsNameTheProblemAndTheFix() {
        Interactions noTime = new Interactions(1, 2, new int[] {0, 0}, new int[] {0, 1}, null, null);
        assertThatThrownBy(() -> LeaveLastOutSplit.split(noTime)).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("needs timestamps")
                .hasMessageContaining("kind: random");
        assertThatThrownBy(() -> new SplitSpec("chrono", 0.2, 1, 0)).hasMessageContaining("leave-last-out");
        assertThatThrownBy(() -> SplitSpec.random(1.5, 1)).hasMessageContaining("(0, 1)");
    }

    static Stream<SeededCase> splitCases() {
        return SeededCase.cases(50);
    }

    /** Every kind of split, on random data with repeated pairs and tied timestamps: parts are disjoint and sum to n. */
    @ParameterizedTest
    @MethodSource("splitCases")
    void noPairIsInTwoPartsAndNothingIsLost(SeededCase c) {
        int users = c.intBetween("users", 1, 30);
        int items = c.intBetween("items", 2, 30);
        int n = c.intBetween("n", 1, 300);
        // files: the parts are read, not drawn (FileSplitTest)
        String kind = c.oneOf("kind", SplitSpec.KINDS.stream().filter(k -> !k.equals("files")).toList());
        long seed = c.anyLong("seed");
        c.check(() -> {
            Random random = new Random(seed);
            int[] u = new int[n];
            int[] it = new int[n];
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                u[i] = random.nextInt(users);
                it[i] = random.nextInt(items);
                t[i] = random.nextInt(20);
            }
            Interactions data = new Interactions(users, items, u, it, null, t);
            Split split = new SplitSpec(kind, 0.3, seed, 0.2).apply(data);
            assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(n);
            assertDisjoint(split);
        });
    }

    private static void assertDisjoint(Split split) {
        Set<Long> train = pairs(split.train());
        Set<Long> validation = pairs(split.validation());
        Set<Long> test = pairs(split.test());
        assertThat(intersection(train, test)).isEmpty();
        assertThat(intersection(train, validation)).isEmpty();
        assertThat(intersection(validation, test)).isEmpty();
    }

    private static Set<Long> intersection(Set<Long> a, Set<Long> b) {
        Set<Long> s = new HashSet<>(a);
        s.retainAll(b);
        return s;
    }

    static Set<Long> pairs(Interactions x) {
        Set<Long> s = new HashSet<>();
        for (int i = 0; i < x.size(); i++) {
            s.add(pair(x.user(i), x.item(i)));
        }
        return s;
    }

    static long pair(int user, int item) {
        return ((long) user << 32) | item;
    }
}
