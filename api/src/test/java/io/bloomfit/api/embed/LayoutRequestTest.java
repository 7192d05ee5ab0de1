package io.bloomfit.api.embed;

import io.bloomfit.api.plugin.PluginOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutRequestTest {

    @Test
    void acceptsAValidRequest() {
        LayoutRequest request = new LayoutRequest(10, 4, 0.5, 3, "xxh3", -1);
        assertThat(request.requireHashFunction("bloom")).isEqualTo("xxh3");
    }

    @Test
    void eachViolationNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> new LayoutRequest(0, 4, 0.5, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numEntities").hasMessageContaining("0");
        assertThatThrownBy(() -> new LayoutRequest(10, -2, 0.5, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension").hasMessageContaining("-2");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, 0.0, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, -0.5, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, Double.NaN, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, Double.POSITIVE_INFINITY, 3, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio")
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, 0.5, 0, "xxh3", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numHashes").hasMessageContaining("0");
        assertThatThrownBy(() -> new LayoutRequest(10, 4, 0.5, 2, "  ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hashFunction");
    }

    @Test
    void missingHashFunctionNamesTheCompressorAndTheField() {
        LayoutRequest request = LayoutRequest.plain(10, 4);
        assertThat(request.hashFunction()).isNull();
        assertThat(request.ratio()).isEqualTo(1.0);
        assertThatThrownBy(() -> request.requireHashFunction("bloom")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bloom'").hasMessageContaining("hashFunction");
    }

    @Test
    void trainingCountsAreOptionalCopiedAndValidated() {
        LayoutRequest without = new LayoutRequest(3, 4, 0.5, 2, "xxh3", 1);
        assertThat(without.hasTrainingCounts()).isFalse();
        assertThat(without.trainingCounts()).isNull();
        assertThat(without.trainingCount(2)).isZero();

        int[] counts = {4, 0, 7};
        LayoutRequest with = without.withTrainingCounts(counts);
        counts[0] = 99; // the request keeps its own copy
        assertThat(with.trainingCounts()).containsExactly(4, 0, 7);
        assertThat(with).isEqualTo(without.withTrainingCounts(new int[] {4, 0, 7})).isNotEqualTo(without);
        assertThat(with.hashCode()).isEqualTo(without.withTrainingCounts(new int[] {4, 0, 7}).hashCode());

        assertThatThrownBy(() -> without.withTrainingCounts(new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingCounts has 2 entries")
                .hasMessageContaining("numEntities is 3");
        assertThatThrownBy(() -> without.withTrainingCounts(new int[] {1, -2, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingCounts[1]");
    }

    @Test
    void optionsAreCarriedComparedAndShown() {
        LayoutRequest plain = new LayoutRequest(3, 4, 0.5, 2, "xxh3", 1);
        assertThat(plain.options()).isSameAs(PluginOptions.NONE);
        assertThat(new LayoutRequest(3, 4, 0.5, 2, "xxh3", 1, null, null).options()).isSameAs(PluginOptions.NONE);
        assertThat(plain.toString()).doesNotContain("options");

        PluginOptions sum = PluginOptions.of(Map.of("combiner", "sum"));
        LayoutRequest with = plain.withOptions(sum);
        assertThat(with.options()).isEqualTo(sum);
        assertThat(with).isNotEqualTo(plain).isEqualTo(plain.withOptions(PluginOptions.of(Map.of("combiner", "sum"))));
        assertThat(with.hashCode()).isEqualTo(plain.withOptions(sum).hashCode());
        assertThat(with.toString()).endsWith(", options={combiner=sum}]");
        LayoutRequest counted = with.withTrainingCounts(new int[] {1, 2, 3});
        assertThat(counted.options()).isEqualTo(sum);
        assertThat(counted.withOptions(PluginOptions.NONE).trainingCounts()).containsExactly(1, 2, 3);
    }
}
