package io.bloomfit.api.embed;

import org.junit.jupiter.api.Test;

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
}
