package io.bloomfit.api.embed;

import io.bloomfit.api.embed.LayoutRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableSizeTest {

    private static int rows(int n, double ratio) {
        return TableSize.hashedRows(new LayoutRequest(n, 8, ratio, 2, "xxh3", 1));
    }

    @Test
    void isTheCeilingOfRatioTimesEntities() {
        assertThat(rows(100_000, 0.1)).isEqualTo(10_000);
        assertThat(rows(100_000, 0.5)).isEqualTo(50_000);
        assertThat(rows(10, 0.25)).isEqualTo(3); // 2.5 -> 3
        assertThat(rows(7, 1.0)).isEqualTo(7);
        assertThat(rows(7, 2.0)).isEqualTo(14);
    }

    @Test
    void usesTheDecimalRatioNotTheRoundedBinaryProduct() {
        // 0.07 * 100 == 7.000000000000001 in doubles; the user asked for 7 rows.
        assertThat(0.07 * 100).isGreaterThan(7.0);
        assertThat(rows(100, 0.07)).isEqualTo(7);
        assertThat(rows(100, 0.14)).isEqualTo(14);
    }

    @Test
    void neverBelowOneRow() {
        assertThat(rows(10, 1e-9)).isEqualTo(1);
    }

    @Test
    void tooManyRowsNamesRatioAndEntities() {
        assertThatThrownBy(() -> rows(2_000_000_000, 2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratio 2.0").hasMessageContaining("numEntities 2000000000");
    }
}
