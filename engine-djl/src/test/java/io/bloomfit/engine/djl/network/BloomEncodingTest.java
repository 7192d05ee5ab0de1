package io.bloomfit.engine.djl.network;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BloomEncodingTest {

    /** 4 items, m = 5, k = 2: item 0 -> {0, 1}, item 1 -> {1, 2}, item 2 -> {3, 3}, item 3 -> {4, 0}. */
    private static EmbeddingLayout layout(float[] weights) {
        return EmbeddingLayout.of("hand", new LayoutRequest(4, 1, 1.25, 2, null, 0), new int[] {5}, new int[2],
                new int[] {0, 1, 1, 2, 3, 3, 4, 0}, weights, Combiner.MEAN);
    }

    @Test
    void setsBecomeTheirDistinctPositionsBackToBack() {
        BloomEncoding encoding = BloomEncoding.of(layout(null));
        PositionSets batch = encoding.encode(new int[][] {{0, 1}, {2}, {}});

        // {0, 1} sets positions 0, 1, 2 (1 once); {2} sets 3 (twice by its two lookups, once in the set); {} none
        assertThat(batch.positions()).containsExactly(0, 1, 2, 3);
        assertThat(batch.offsets()).containsExactly(0, 3, 4, 4);
        assertThat(batch.examples()).isEqualTo(3);
        assertThat(batch.size(2)).isZero();
    }

    @Test
    void targetsAreNormalisedToSumToOne() {
        BloomEncoding encoding = BloomEncoding.of(layout(null));
        PaddedPositions batch = encoding.encodeTargets(new int[][] {{0, 3}, {1}});

        // {0, 3} sets 0, 1, 4 -> 1/3 each; {1} sets 1, 2 -> 1/2 each
        assertThat(batch.positions()).containsExactly(0, 1, 4, 1, 2, 0);
        assertThat(batch.weights()).containsExactly(1 / 3f, 1 / 3f, 1 / 3f, 0.5f, 0.5f, 0f);
    }

    @Test
    void weightedLayoutsAreRefusedWithTheCompressorsName() {
        assertThatThrownBy(() -> BloomEncoding.of(layout(new float[] {1, -1, 1, 1, 1, -1, 1, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hand'")
                .hasMessageContaining("bloom-network");
    }
}
