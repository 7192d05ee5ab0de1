package io.bloomfit.embed;


import io.bloomfit.layout.CollisionStats;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainCompressorTest {

    @Test
    void isTheIdentityOnOneFullTable() {
        EmbeddingLayout layout = EmbeddingCompressors.layout("plain", LayoutRequest.plain(7, 16));

        assertThat(layout.compressor()).isEqualTo("plain");
        assertThat(layout.tableRowCounts()).containsExactly(7);
        assertThat(layout.numLookups()).isEqualTo(1);
        for (int e = 0; e < 7; e++) {
            assertThat(layout.row(e, 0)).isEqualTo(e);
            assertThat(layout.globalRow(e, 0)).isEqualTo(e);
            assertThat(layout.weight(e, 0)).isEqualTo(1f);
        }
        assertThat(layout.parameterCount(16)).isEqualTo(7 * 16);
        assertThat(layout.achievedRatio()).isEqualTo(1.0);
    }

    @Test
    void ignoresRatioHashesHashFunctionAndSeed() {
        EmbeddingLayout layout = EmbeddingCompressors.layout(new PlainCompressor(), new LayoutRequest(5, 4, 0.1, 4,
                "xxh3", 123));

        assertThat(layout.tableRowCounts()).containsExactly(5);
        assertThat(layout.numLookups()).isEqualTo(1);
        assertThat(layout.row(4, 0)).isEqualTo(4);
    }

    @Test
    void hasNoCollisions() {
        CollisionStats stats = CollisionStats.of(new PlainCompressor().layout(LayoutRequest.plain(1000, 4), null));

        assertThat(stats.entitiesSharingSignature()).isZero();
        assertThat(stats.distinctSignatures()).isEqualTo(1000);
        assertThat(stats.maxEntitiesPerRow()).isEqualTo(1);
        assertThat(stats.rowsUsed()).isEqualTo(1000);
    }
}
