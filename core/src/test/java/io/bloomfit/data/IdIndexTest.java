package io.bloomfit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    @Test
    void givesDenseIndicesInOrderOfFirstAppearanceAndMapsBack() {
        IdIndex index = IdIndex.of("196", "tt0114709", "196", "zoë", "7");
        assertThat(index.size()).isEqualTo(4);
        assertThat(index.indexOf("196")).isZero();
        assertThat(index.indexOf("tt0114709")).isEqualTo(1);
        assertThat(index.indexOf("zoë")).isEqualTo(2);
        assertThat(index.indexOf("7")).isEqualTo(3);
        assertThat(index.indexOf("007")).isEqualTo(-1);
        assertThat(index.idOf(2)).isEqualTo("zoë");
        assertThatThrownBy(() -> index.idOf(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void internsFromAByteRangeAndSurvivesGrowth() {
        IdIndex index = new IdIndex();
        byte[] line = "xx123456\tyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(index.intern(line, 2, 8)).isZero();
        assertThat(index.indexOf("123456")).isZero();
        for (int i = 0; i < 200_000; i++) {
            byte[] b = ("u" + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(index.intern(b, 0, b.length)).isEqualTo(i + 1);
        }
        assertThat(index.size()).isEqualTo(200_001);
        assertThat(index.indexOf("u123456")).isEqualTo(123_457);
        assertThat(index.idOf(200_000)).isEqualTo("u199999");
        assertThat(index.indexOf("123456")).isZero();
    }

    @Test
    void identityMapsNumbersToThemselves() {
        IdIndex index = IdIndex.identity(1000);
        assertThat(index.size()).isEqualTo(1000);
        assertThat(index.indexOf("999")).isEqualTo(999);
        assertThat(index.idOf(42)).isEqualTo("42");
    }
}
