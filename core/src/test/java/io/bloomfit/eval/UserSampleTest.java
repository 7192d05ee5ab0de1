package io.bloomfit.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticDatasets;
import org.junit.jupiter.api.Test;

class UserSampleTest {

    private final Split split = SplitSpec.random(0.2, 1)
            .apply(SyntheticDatasets.preset("synthetic-ml100k").interactions());

    @Test
    void aSeededSampleKeepsEveryTestPairOfExactlyTheChosenUsers() {
        UserSample sample = UserSample.draw(split.train(), split.test(), 100, 7);
        assertThat(sample.sampled()).isEqualTo(100);
        int[] kept = sample.test().userCounts();
        int[] all = split.test().userCounts();
        int users = 0;
        for (int u = 0; u < kept.length; u++) {
            if (kept[u] > 0) {
                users++;
                assertThat(kept[u]).as("user %d keeps all its test pairs", u).isEqualTo(all[u]);
                assertThat(split.train().userCounts()[u]).isPositive();
            }
        }
        assertThat(users).isEqualTo(100);
        // the evaluator ranks exactly the sampled users
        EvaluationResult r = new Evaluator().withThreads(1).evaluate(ReferenceMethod.POPULARITY.model(split.train(),
                0), split.train(), sample.test());
        assertThat(r.usersEvaluated()).isLessThanOrEqualTo(100).isGreaterThan(90);
    }

    @Test
    void theSameSeedGivesTheSameUsersAndAnotherSeedOthers() {
        int[] a = users(UserSample.draw(split.train(), split.test(), 50, 3).test());
        int[] b = users(UserSample.draw(split.train(), split.test(), 50, 3).test());
        int[] c = users(UserSample.draw(split.train(), split.test(), 50, 4).test());
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void asManyUsersAsThereAreKeepsTheWholeTestSet() {
        UserSample sample = UserSample.draw(split.train(), split.test(), 1_000_000, 3);
        assertThat(sample.test()).isSameAs(split.test());
        assertThat(sample.sampled()).isEqualTo(sample.candidates());
    }

    private static int[] users(Interactions test) {
        int[] counts = test.userCounts();
        return java.util.stream.IntStream.range(0, counts.length).filter(u -> counts[u] > 0).toArray();
    }

}
