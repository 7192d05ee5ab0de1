package io.bloomfit.api.embed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingLayoutTest {

    /** Quotient-remainder-like: tables of 2 and 3 rows; entity e reads (e / 3, e % 3). */
    private static EmbeddingLayout twoTables() {
        return EmbeddingLayout.of("qr-like", new LayoutRequest(5, 4, 1.0, 2, null, 0), new int[] {2, 3},
                new int[] {0, 1}, new int[] {0, 0, 0, 1, 0, 2, 1, 0, 1, 1}, null, Combiner.PRODUCT);
    }

    @Test
    void indexesTablesRowsAndGlobalRows() {
        EmbeddingLayout layout = twoTables();

        assertThat(layout.numTables()).isEqualTo(2);
        assertThat(layout.totalRows()).isEqualTo(5);
        assertThat(layout.tableOffset(0)).isZero();
        assertThat(layout.tableOffset(1)).isEqualTo(2);
        assertThat(layout.lookupTable(1)).isEqualTo(1);
        assertThat(layout.row(4, 0)).isEqualTo(1);
        assertThat(layout.row(4, 1)).isEqualTo(1);
        assertThat(layout.globalRow(4, 1)).isEqualTo(3);
        assertThat(layout.weight(4, 1)).isEqualTo(1f);
        assertThat(layout.kind()).isEqualTo(LookupKind.PLAIN_ROWS);
        assertThat(layout.combiner()).isEqualTo(Combiner.PRODUCT);
    }

    @Test
    void fillsMinibatchRowsAndWeights() {
        EmbeddingLayout layout = twoTables();
        int[] rows = new int[6];
        float[] weights = new float[6];

        layout.globalRows(new int[] {4, 0, 2}, rows);
        layout.weights(new int[] {4, 0, 2}, weights);

        // e4 -> (1, 1) -> global (1, 2 + 1); e0 -> (0, 2); e2 -> (0, 2 + 2).
        assertThat(rows).containsExactly(1, 3, 0, 2, 0, 4);
        assertThat(weights).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void sizesAndRatio() {
        EmbeddingLayout layout = twoTables();

        assertThat(layout.parameterCount(16)).isEqualTo(5 * 16);
        assertThat(layout.parameterBytes(16)).isEqualTo(5 * 16 * 4);
        assertThat(layout.indexBytes()).isEqualTo(10 * 4);
        assertThat(layout.achievedRatio()).isEqualTo(1.0);
    }

    @Test
    void weightsAreReturnedPerLookup() {
        EmbeddingLayout layout = EmbeddingLayout.of("signed", new LayoutRequest(3, 4, 1.0, 1, "xxh3", 0),
                new int[] {2}, new int[] {0}, new int[] {0, 1, 1}, new float[] {1, -1, 1}, Combiner.SUM);

        assertThat(layout.kind()).isEqualTo(LookupKind.WEIGHTED_ROWS);
        assertThat(layout).isInstanceOf(WeightedRowsLayout.class);
        assertThat(layout.weight(1, 0)).isEqualTo(-1f);
        assertThat(layout.indexBytes()).isEqualTo(3 * 4 + 3 * 4);
    }

    @Test
    void outOfRangeRowNamesTheEntityAndTheCompressor() {
        assertThatThrownBy(() -> EmbeddingLayout.of("broken", new LayoutRequest(3, 4, 1.0, 1, null, 0),
                new int[] {2}, new int[] {0}, new int[] {0, 1, 2}, null, Combiner.SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'broken'")
                .hasMessageContaining("entity 2").hasMessageContaining("[2]");
    }

    @Test
    void mismatchedSizesAreRejected() {
        LayoutRequest request = new LayoutRequest(3, 4, 1.0, 1, null, 0);
        assertThatThrownBy(() -> EmbeddingLayout.of("x", request, new int[] {3}, new int[] {0}, new int[] {0, 1},
                null, Combiner.SUM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> EmbeddingLayout.of("x", request, new int[] {3}, new int[] {0}, new int[] {0, 1, 2},
                new float[2], Combiner.SUM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights");
        assertThatThrownBy(() -> EmbeddingLayout.of("x", request, new int[] {0}, new int[] {0}, new int[] {0, 0, 0},
                null, Combiner.SUM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table 0");
        assertThatThrownBy(() -> EmbeddingLayout.of("x", request, new int[] {3}, new int[] {1}, new int[] {0, 1, 2},
                null, Combiner.SUM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookup 0");
        assertThatThrownBy(() -> EmbeddingLayout.of("x", request, new int[] {3}, new int[0], new int[0],
                null, Combiner.SUM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesACopyOfTableSizes() {
        int[] tables = {2, 3};
        EmbeddingLayout layout = EmbeddingLayout.of("x", new LayoutRequest(5, 4, 1.0, 2, null, 0), tables,
                new int[] {0, 1}, new int[] {0, 0, 0, 1, 0, 2, 1, 0, 1, 1}, null, Combiner.PRODUCT);
        tables[0] = 99;
        layout.tableRowCounts()[1] = 99;

        assertThat(layout.tableRowCounts()).containsExactly(2, 3);
    }

    /** Concatenated rows are narrower: a block of the dimension each. */
    @Test
    void concatenatedRowsAreNarrower() {
        LayoutRequest request = new LayoutRequest(3, 4, 1.0, 2, null, 0);
        int[] rows = {0, 1, 1, 0, 0, 1};
        EmbeddingLayout concat = EmbeddingLayout.of("c", request, new int[] {2}, new int[2], rows.clone(), null,
                Combiner.CONCAT);

        assertThat(concat.kind()).isEqualTo(LookupKind.BLOCKS);
        assertThat(concat.asBlocks().blockWidth()).isEqualTo(2);
        assertThat(concat.rowWidth(4)).isEqualTo(2);
        assertThat(concat.parameterCount(4)).isEqualTo(4); // 2 rows of 2 floats
        assertThat(concat.achievedRatio()).isEqualTo(4.0 / 12);
        assertThatThrownBy(() -> EmbeddingLayout.of("c", new LayoutRequest(3, 5, 1.0, 2, null, 0), new int[] {2},
                new int[2], rows.clone(), null, Combiner.CONCAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 5");
    }

    /** Trainable weights: 2 entities sharing one weight row of k = 2 (hashed importance weights). */
    @Test
    void trainableWeightsCountAsParameters() {
        LayoutRequest request = new LayoutRequest(3, 4, 1.0, 2, null, 0);
        TrainableWeights weights = TrainableWeights.shared(2, 2, new int[] {0, 1, 0}, new float[] {0.5f, 0.5f, 1, 2});
        EmbeddingLayout layout = EmbeddingLayout.ofTrainable("t", request, new int[] {3}, new int[2],
                new int[] {0, 1, 0, 1, 0, 1}, weights, Combiner.SUM);

        assertThat(layout.kind()).isEqualTo(LookupKind.TRAINABLE_WEIGHTS);
        assertThat(layout.asTrainableWeights().weights()).isSameAs(weights);
        assertThat(layout.weight(1, 1)).isEqualTo(2f);
        assertThat(layout.parameterCount(4)).isEqualTo(3 * 4 + 2 * 2);
        assertThat(layout.indexBytes()).isEqualTo(6 * 4 + 3 * 4); // rows, and the entity-to-weight-row map
        assertThatThrownBy(() -> EmbeddingLayout.ofTrainable("t", request, new int[] {3}, new int[2],
                new int[6], TrainableWeights.perEntity(3, 1, new float[3]), Combiner.SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k=2");
    }
}
