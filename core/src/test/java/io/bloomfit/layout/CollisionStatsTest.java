package io.bloomfit.layout;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.TrainableWeights;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link CollisionCounter} on small layouts whose statistics are counted by hand in the comments. */
class CollisionStatsTest {

    private static final LayoutRequest FIVE = new LayoutRequest(5, 2, 1.0, 2, "xxh3", 0);

    /**
     * One table of 4 rows, k = 2: e0 {0,1}, e1 {1,0}, e2 {2,2}, e3 {2,3}, e4 {3,2}. Signatures are multisets, so
     * e0 = e1 and e3 = e4: 4 entities share, 3 distinct signatures ({0,1}, {2,2}, {2,3}). Entities per row,
     * counting e2 once for row 2: row0 {e0,e1} = 2, row1 = 2, row2 {e2,e3,e4} = 3, row3 {e3,e4} = 2: 4 rows used,
     * max 3, mean 9/4. Distinct rows per entity: e2 has 1, the others 2: histogram [0, 1, 4].
     */
    @Test
    void multisetSignaturesInOneTable() {
        EmbeddingLayout layout = EmbeddingLayout.of("test", FIVE, new int[] {4}, new int[] {0, 0},
                new int[] {0, 1, 1, 0, 2, 2, 2, 3, 3, 2}, null, Combiner.MEAN);

        CollisionStats stats = CollisionStats.of(layout);

        assertThat(stats.entities()).isEqualTo(5);
        assertThat(stats.totalRows()).isEqualTo(4);
        assertThat(stats.entitiesSharingSignature()).isEqualTo(4);
        assertThat(stats.distinctSignatures()).isEqualTo(3);
        assertThat(stats.rowsUsed()).isEqualTo(4);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(3);
        assertThat(stats.meanEntitiesPerRow()).isCloseTo(2.25, within(1e-12));
        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, 1, 4);
        assertThat(stats.sharedFraction()).isCloseTo(0.8, within(1e-12));
        assertThat(CollisionStats.of(layout)).isEqualTo(stats);
    }

    /**
     * k = 1, rows [0, 0, 1, 1, 2], weights [+1, -1, +1, +1, -1]: e0 and e1 read row 0 with opposite signs, so
     * they differ; e2 and e3 are identical. 2 entities share; signatures (0,+), (0,-), (1,+), (2,-): 4 distinct.
     * Entities per row [2, 2, 1]: 3 rows used, max 2, mean 5/3.
     */
    @Test
    void weightsArePartOfTheSignature() {
        LayoutRequest request = new LayoutRequest(5, 2, 0.6, 1, "xxh3", 0);
        EmbeddingLayout layout = EmbeddingLayout.of("test", request, new int[] {3}, new int[] {0},
                new int[] {0, 0, 1, 1, 2}, new float[] {1, -1, 1, 1, -1}, Combiner.SUM);

        CollisionStats stats = CollisionStats.of(layout);

        assertThat(stats.entitiesSharingSignature()).isEqualTo(2);
        assertThat(stats.distinctSignatures()).isEqualTo(4);
        assertThat(stats.rowsUsed()).isEqualTo(3);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(2);
        assertThat(stats.meanEntitiesPerRow()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, 5);
    }

    /**
     * Two tables of 2 rows, lookup 0 reads table 0 and lookup 1 table 1. e0 (0,1) and e1 (1,0) would be the same
     * multiset in one table, but their global rows {0, 3} and {1, 2} differ: nobody shares. e2 (0,1) equals e0:
     * global {0, 3}. Entities per global row: row0 {e0,e2}, row1 {e1}, row2 {e1}, row3 {e0,e2}.
     */
    @Test
    void rowsOfDifferentTablesNeverCoincide() {
        LayoutRequest request = new LayoutRequest(3, 2, 1.0, 2, null, 0);
        EmbeddingLayout layout = EmbeddingLayout.of("test", request, new int[] {2, 2}, new int[] {0, 1},
                new int[] {0, 1, 1, 0, 0, 1}, null, Combiner.PRODUCT);

        CollisionStats stats = CollisionStats.of(layout);

        assertThat(stats.entitiesSharingSignature()).isEqualTo(2);
        assertThat(stats.distinctSignatures()).isEqualTo(2);
        assertThat(stats.totalRows()).isEqualTo(4);
        assertThat(stats.rowsUsed()).isEqualTo(4);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(2);
        assertThat(stats.meanEntitiesPerRow()).isCloseTo(1.5, within(1e-12));
        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, 0, 3);
    }

    /** Everyone in one row: a single group of n equal signatures. */
    @Test
    void allEntitiesInOneRow() {
        LayoutRequest request = new LayoutRequest(1000, 2, 0.001, 3, "xxh3", 0);
        EmbeddingLayout layout = EmbeddingLayout.of("test", request, new int[] {1}, new int[] {0, 0, 0},
                new int[3000], null, Combiner.MEAN);

        CollisionStats stats = CollisionStats.of(layout);

        assertThat(stats.entitiesSharingSignature()).isEqualTo(1000);
        assertThat(stats.distinctSignatures()).isEqualTo(1);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(1000);
        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, 1000, 0, 0);
    }

    /**
     * Large enough for parallel segments and many fingerprint buckets: 300,001 entities, k = 1, entity e reads row
     * e / 2. Entities 2i and 2i+1 share row i; the last entity (300,000) is alone in row 150,000. So 300,000 share,
     * 150,001 distinct signatures, 150,001 rows all used, max 2, mean 300,001 / 150,001.
     */
    @Test
    void pairsInALargeLayout() {
        int n = 300_001;
        int[] rows = new int[n];
        for (int e = 0; e < n; e++) {
            rows[e] = e / 2;
        }
        EmbeddingLayout layout = EmbeddingLayout.of("test", new LayoutRequest(n, 2, 0.5, 1, "xxh3", 0),
                new int[] {150_001}, new int[] {0}, rows, null, Combiner.SUM);

        CollisionStats stats = CollisionStats.of(layout);

        assertThat(stats.entitiesSharingSignature()).isEqualTo(300_000);
        assertThat(stats.distinctSignatures()).isEqualTo(150_001);
        assertThat(stats.rowsUsed()).isEqualTo(150_001);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(2);
        assertThat(stats.meanEntitiesPerRow()).isCloseTo(300_001.0 / 150_001, within(1e-12));
        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, n);
    }

    @Test
    void singleEntitySharesNothing() {
        EmbeddingLayout layout = EmbeddingLayout.of("test", LayoutRequest.plain(1, 2), new int[] {1}, new int[] {0},
                new int[] {0}, null, Combiner.SUM);

        assertThat(CollisionStats.of(layout).entitiesSharingSignature()).isZero();
        assertThat(CollisionStats.of(layout).distinctSignatures()).isEqualTo(1);
    }

    @Test
    void statsCopyTheirHistogram() {
        long[] histogram = {0, 3};
        CollisionStats stats = new CollisionStats(3, 3, 0, 3, 3, 1, 1.0, histogram);
        histogram[1] = 99;
        stats.distinctRowsPerEntity()[1] = 42;

        assertThat(stats.distinctRowsPerEntity()).containsExactly(0, 3);
        assertThat(stats).isEqualTo(new CollisionStats(3, 3, 0, 3, 3, 1, 1.0, new long[] {0, 3}));
        assertThat(stats.sharedFraction()).isZero();
    }

    /**
     * Entities 0 and 1 read rows (0, 1) and (1, 0): the same multiset, so the same embedding when averaged, but not
     * when the rows are concatenated (block order differs); entity 2 repeats entity 0's blocks.
     */
    @Test
    void concatenatedRowsAreOrderedSignatures() {
        LayoutRequest request = new LayoutRequest(3, 4, 1.0, 2, null, 0);
        int[] rows = {0, 1, 1, 0, 0, 1};
        EmbeddingLayout concat = EmbeddingLayout.of("c", request, new int[] {2}, new int[2], rows.clone(), null,
                Combiner.CONCAT);
        EmbeddingLayout mean = EmbeddingLayout.of("m", request, new int[] {2}, new int[2], rows.clone(), null,
                Combiner.MEAN);

        assertThat(CollisionStats.of(concat).entitiesSharingSignature()).isEqualTo(2); // entities 0 and 2
        assertThat(CollisionStats.of(mean).entitiesSharingSignature()).isEqualTo(3);
    }

    /** Trainable weights: entities reading the same rows are told apart by their weight row. */
    @Test
    void trainableWeightsTellEntitiesApartByTheirWeightRow() {
        LayoutRequest request = new LayoutRequest(3, 4, 1.0, 2, null, 0);
        TrainableWeights weights = TrainableWeights.shared(2, 2, new int[] {0, 1, 0}, new float[] {0.5f, 0.5f, 1, 2});
        EmbeddingLayout layout = EmbeddingLayout.ofTrainable("t", request, new int[] {3}, new int[2],
                new int[] {0, 1, 0, 1, 0, 1}, weights, Combiner.SUM);

        // all three read rows 0 and 1; entities 0 and 2 share weight row 0 as well, entity 1 has its own
        assertThat(CollisionStats.of(layout).entitiesSharingSignature()).isEqualTo(2);
    }
}
