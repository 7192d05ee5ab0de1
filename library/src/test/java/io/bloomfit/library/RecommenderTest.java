package io.bloomfit.library;

import io.bloomfit.api.plugin.UnknownPluginException;
import io.bloomfit.data.Split;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecommenderTest {

    private static final Split SPLIT = Data.synthetic("synthetic-ml100k").randomSplit(0.2, 7);

    private static Recommender.Settings cpu() {
        return Recommender.implicit().trainer("cpu").optimizer("sparse-adam").loss("bpr").dimension(8).epochs(2)
                .batchSize(64).learningRate(0.05);
    }

    @Test
    void fitsTheLayoutsItIsGivenAndRecommendsUnseenItems() {
        Embedding bloom = Embedding.bloom(0.5).hashes(2).hash("murmur3_32");
        try (Recommender model = cpu().users(bloom).items(bloom).fit(SPLIT.train())) {
            int users = SPLIT.train().numUsers();
            int items = SPLIT.train().numItems();
            // half the rows per side at dimension 8, plus the full-size biases
            long tables = (long) Math.ceil(0.5 * users) * 8 + (long) Math.ceil(0.5 * items) * 8;
            assertThat(model.report().parameters()).isEqualTo(tables + users + items);
            assertThat(model.mrr(SPLIT.test())).isBetween(0.0, 1.0);
            int[] seen = SPLIT.train().userItems().itemsOf(0);
            int[] top = model.recommend(0, 5);
            assertThat(top).hasSize(5).doesNotContain(seen);
        }
    }

    @Test
    void theSameSettingsGiveTheSameModel() {
        Recommender.Settings settings = cpu().items(Embedding.bloom(0.5).hash("xxh3"));
        try (Recommender first = settings.fit(SPLIT.train()); Recommender second = settings.fit(SPLIT.train())) {
            assertThat(second.mrr(SPLIT.test())).isEqualTo(first.mrr(SPLIT.test()));
            assertThat(second.recommend(3, 10)).containsExactly(first.recommend(3, 10));
        }
    }

    @Test
    void compressorOptionsReachTheLayout() {
        Recommender.Settings settings = cpu();
        try (Recommender mean = settings.items(Embedding.bloom(0.5)).fit(SPLIT.train());
             Recommender sum = settings.items(Embedding.bloom(0.5).option("combiner", "sum")).fit(SPLIT.train())) {
            float[] a = mean.model().scoreAll(new int[] {1})[0];
            float[] b = sum.model().scoreAll(new int[] {1})[0];
            assertThat(Arrays.equals(a, b)).as("summed rows score differently from averaged ones").isFalse();
        }
        assertThatThrownBy(() -> settings.items(Embedding.bloom(0.5).option("combiner", "max")).fit(SPLIT.train()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("combiner")
                .hasMessageContaining("mean, sum");
    }

    @Test
    void namesAndSettingsATrainerCannotFitAreRefusedBeforeAnyFit() {
        assertThatThrownBy(() -> cpu().items(Embedding.of("blom", 0.5)).fit(SPLIT.train()))
                .isInstanceOf(UnknownPluginException.class).hasMessageContaining("unknown compressor 'blom'")
                .hasMessageContaining("bloom");
        assertThatThrownBy(() -> cpu().trainer("tensorflow").fit(SPLIT.train()))
                .isInstanceOf(UnknownPluginException.class).hasMessageContaining("available: ");
        assertThatThrownBy(() -> cpu().items(Embedding.of("dhe", 0.5)).fit(SPLIT.train()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid.compressor")
                .hasMessageContaining("cpu");
        assertThatThrownBy(() -> cpu().loss("bpx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.loss");
    }
}
