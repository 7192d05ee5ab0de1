package io.bloomfit.bench.eval;

import io.bloomfit.api.train.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark scorer against integer dot products done here: factors of -1, 0 and 1 make exact scores with many
 * ties, ranked by {@link TrainedModel}'s one {@code recommend}.
 */
class DotProductModelTest {

    @Test
    void scoresAreTheDotProductsAndRecommendRanksTiesToTheLowerId() throws NoSuchMethodException {
        int users = 6;
        int items = 2500; // more than one scoring block of 2048
        int dim = 5;      // four factors per pass and one left over
        SplittableRandom random = new SplittableRandom(5);
        float[] u = new float[users * dim];
        float[] v = new float[items * dim];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextInt(3) - 1;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(3) - 1;
        }
        DotProductModel model = new DotProductModel(users, items, dim, u, v);
        for (int user = 0; user < users; user++) {
            int[] dot = new int[items];
            for (int i = 0; i < items; i++) {
                for (int f = 0; f < dim; f++) {
                    dot[i] += (int) u[user * dim + f] * (int) v[i * dim + f];
                }
            }
            float[] expected = new float[items];
            for (int i = 0; i < items; i++) {
                expected[i] = dot[i];
            }
            assertThat(model.scoreAll(new int[] {user})[0]).containsExactly(expected);
            assertThat(model.score(user, new int[] {2499, 0, 2048})).containsExactly(dot[2499], dot[0], dot[2048]);

            int[] exclude = random.ints(30, 0, items).toArray();
            int[] best = IntStream.range(0, items).filter(i -> IntStream.of(exclude).noneMatch(e -> e == i)).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> -dot[i]).thenComparing(Comparator.naturalOrder()))
                    .limit(40).mapToInt(Integer::intValue).toArray();
            assertThat(model.recommend(user, 40, exclude)).containsExactly(best);
        }
        assertThat(DotProductModel.class.getMethod("recommend", int.class, int.class, int[].class)
                .getDeclaringClass()).isEqualTo(TrainedModel.class);
    }
}
