package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.model.EmbeddingSide;
import io.bloomfit.engine.factorization.model.GaussianInitializer;
import io.bloomfit.engine.factorization.model.ParameterInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compressed code path adds nothing of its own: a layout that only permutes ids (ratio 1, k = 1, no
 * collisions), started from plain's initial vectors permuted the same way, trains to exactly plain's scores.
 */
class NeutralityTest {

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class)
    void permutedLayoutGivesExactlyThePlainScores(OptimizerKind optimizer) {
        Interactions train = Fixtures.twoGroups(60, 50, 6, 3);
        ModelSpec spec = Fixtures.spec(Loss.BPR, optimizer, 8, 3, 32, 0.05, 9);
        EmbeddingLayout plainUsers = Fixtures.plain(60, 8);
        EmbeddingLayout plainItems = Fixtures.plain(50, 8);
        EmbeddingLayout permutedUsers = EmbeddingCompressors.layout(PermutationCompressor.NAME, new LayoutRequest(60, 8, 1.0, 1, null, 101));
        EmbeddingLayout permutedItems = EmbeddingCompressors.layout(PermutationCompressor.NAME, new LayoutRequest(50, 8, 1.0, 1, null, 202));
        assertThat(permutedItems.globalRow(0, 0) != 0 || permutedItems.globalRow(1, 0) != 1).isTrue();

        ParameterInitializer permutedStart = (side, layout, dimension, seed, table) -> {
            EmbeddingLayout plain = side == EmbeddingSide.USERS ? plainUsers : plainItems;
            float[] plainTable = new float[plain.totalRows() * dimension];
            GaussianInitializer.INSTANCE.initialize(side, plain, dimension, seed, plainTable);
            for (int e = 0; e < layout.numEntities(); e++) {
                System.arraycopy(plainTable, e * dimension, table, layout.globalRow(e, 0) * dimension, dimension);
            }
        };
        int[] users = IntStream.range(0, 60).toArray();
        try (TrainedModel plain = new DjlTrainer().fit(new FitRequest(spec, train, plainUsers, plainItems),
                TrainingListener.NONE);
             TrainedModel permuted = new DjlTrainer(permutedStart).fit(
                     new FitRequest(spec, train, permutedUsers, permutedItems), TrainingListener.NONE)) {
            assertThat(permuted.scoreAll(users)).isDeepEqualTo(plain.scoreAll(users));
            assertThat(permuted.report().lossPerEpoch()).containsExactly(plain.report().lossPerEpoch());
        }
    }
}
