package io.bloomfit.data;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SyntheticDatasetsTest {

    @Test
    void ml100kPresetHasMovieLens100kShapeAndValidColumns() {
        Dataset d = SyntheticDatasets.preset("synthetic-ml100k");
        Interactions x = d.interactions();
        assertThat(d.name()).isEqualTo("synthetic-ml100k");
        assertThat(x.numUsers()).isEqualTo(943);
        assertThat(x.numItems()).isEqualTo(1682);
        assertThat(x.size()).isEqualTo(100_000);
        assertThat(x.hasRatings()).isTrue();
        assertThat(x.hasTimestamps()).isTrue();
        for (int i = 0; i < x.size(); i++) {
            float r = x.rating(i);
            assertThat(r).isBetween(1f, 5f);
            assertThat(r).isEqualTo((float) Math.rint(r));
        }
        UserItems csr = x.userItems();
        for (int u = 0; u < x.numUsers(); u++) {
            assertThat(csr.count(u)).as("user %d", u).isBetween(5, 1682 / 2);
            for (int j = csr.start(u) + 1; j < csr.end(u); j++) {
                assertThat(csr.items()[j]).as("unique pairs").isGreaterThan(csr.items()[j - 1]);
            }
        }
        // users' interactions are stored in time order with strictly increasing timestamps
        for (int i = 1; i < x.size(); i++) {
            if (x.user(i) == x.user(i - 1)) {
                assertThat(x.timestamp(i)).isGreaterThan(x.timestamp(i - 1));
            }
        }
    }

    @Test
    void popularityIsSkewedAndActivityVaries() {
        Interactions x = SyntheticDatasets.preset("synthetic-ml100k").interactions();
        int[] itemCounts = x.itemCounts();
        Arrays.sort(itemCounts);
        long top = 0;
        for (int i = itemCounts.length - 168; i < itemCounts.length; i++) {
            top += itemCounts[i];
        }
        // the 10% most popular items hold a large share (uniform would be 10%)
        assertThat(top / (double) x.size()).isGreaterThan(0.3);
        int[] userCounts = x.userCounts();
        Arrays.sort(userCounts);
        assertThat(userCounts[userCounts.length - 1]).isGreaterThan(5 * userCounts[userCounts.length / 2]);
    }

    @Test
    void sameSeedGivesByteIdenticalDataAndAnotherSeedDoesNot() throws Exception {
        SyntheticSpec spec = new SyntheticSpec(2_000, 3_000, 60_000, 8, 7);
        String a = digest(SyntheticDatasets.generate(spec).dataset().interactions());
        String b = digest(SyntheticDatasets.generate(spec).dataset().interactions());
        String c = digest(SyntheticDatasets.generate(spec.withSeed(8)).dataset().interactions());
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void rejectsImpossibleSpecsNamingTheParameter() {
        assertThatThrownBy(() -> new SyntheticSpec(10, 4, 100, 4, 1))
                .hasMessageContaining("synthetic interactions (100)");
        assertThatThrownBy(() -> SyntheticDatasets.preset("synthetic-huge"))
                .hasMessageContaining("synthetic-ml100k");
    }

    static String digest(Interactions x) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(24 * x.size() + 8);
        buf.putInt(x.numUsers()).putInt(x.numItems());
        for (int i = 0; i < x.size(); i++) {
            buf.putInt(x.user(i)).putInt(x.item(i)).putFloat(x.rating(i)).putLong(x.timestamp(i));
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }
}
