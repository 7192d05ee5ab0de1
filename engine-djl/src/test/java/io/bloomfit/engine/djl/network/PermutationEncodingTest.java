package io.bloomfit.engine.djl.network;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.engine.djl.DjlTrainer;
import io.bloomfit.engine.djl.PermutationCompressor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permutation encoding (m = d, k = 1, no collisions) is the uncompressed network with its input and output
 * units renamed: started from the plain network's parameters with the rows of the input and output layers (and the
 * output biases) permuted the same way, it must compute the same function after training. Only the order of the
 * softmax normaliser's sum over the m outputs differs, so values agree to float rounding (1e-5 here), not bit for
 * bit.
 */
class PermutationEncodingTest {

    @Test
    void matchesTheUncompressedNetworkFromTheSameInitialisation() {
        Interactions all = SyntheticDatasets.preset("synthetic-ml100k").interactions();
        Interactions train = all.select(java.util.stream.IntStream.range(0, 6000).toArray());
        ModelSpec spec = NetworkFixtures.spec(List.of(16, 8), 0.2, 2, 64, 3e-3, 5);
        EmbeddingLayout plain = NetworkFixtures.items("plain", train, 1.0, 1, 0);
        EmbeddingLayout permuted = new PermutationCompressor().layout(
                new LayoutRequest(train.numItems(), 1, 1.0, 1, null, 9), null);
        int d = train.numItems();
        int[] perm = new int[d];
        for (int i = 0; i < d; i++) {
            perm[i] = permuted.globalRow(i, 0);
        }
        NetworkInitializer permutedStart = (m, network, seed) -> permute(NetworkInitializer.GLOROT.initial(m,
                network, seed), perm);

        int[] users = {0, 1, 2, 3, 7, 11};
        try (BloomNetworkModel a = (BloomNetworkModel) new DjlTrainer(NetworkInitializer.GLOROT)
                .fit(NetworkFixtures.request(spec, train, plain), TrainingListener.NONE);
             BloomNetworkModel b = (BloomNetworkModel) new DjlTrainer(permutedStart)
                     .fit(NetworkFixtures.request(spec, train, permuted), TrainingListener.NONE)) {
            float[] logA = a.logProbabilities(users);
            float[] logB = b.logProbabilities(users);
            for (int u = 0; u < users.length; u++) {
                for (int i = 0; i < d; i++) {
                    assertThat(logB[u * d + perm[i]]).isCloseTo(logA[u * d + i],
                            org.assertj.core.api.Assertions.within(1e-5f));
                }
            }
            float[][] scoresA = a.scoreAll(users);
            float[][] scoresB = b.scoreAll(users);
            for (int u = 0; u < users.length; u++) {
                assertThat(scoresB[u]).containsExactly(scoresA[u], org.assertj.core.api.Assertions.within(1e-5f));
            }
            assertThat(a.report().lossPerEpoch()).containsExactly(b.report().lossPerEpoch(),
                    org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    /** Row {@code perm[i]} of the input and output layers (and output bias {@code perm[i]}) = row i of {@code p}. */
    private static NetworkParameters permute(NetworkParameters p, int[] perm) {
        NetworkSpec network = p.network();
        float[][] v = p.values().clone();
        int out = p.outputWeights();
        v[0] = permuteRows(v[0], perm, network.firstHidden());
        v[out] = permuteRows(v[out], perm, network.lastHidden());
        v[out + 1] = permuteRows(v[out + 1], perm, 1);
        return new NetworkParameters(p.positions(), network, v);
    }

    private static float[] permuteRows(float[] rows, int[] perm, int width) {
        float[] out = new float[rows.length];
        for (int i = 0; i < perm.length; i++) {
            System.arraycopy(rows, i * width, out, perm[i] * width, width);
        }
        return out;
    }
}
