package io.bloomfit.experiment.grid;

import io.bloomfit.experiment.ExperimentRunner;
import io.bloomfit.experiment.FixtureModuloCompressor;
import io.bloomfit.experiment.Fixtures;
import io.bloomfit.api.embed.Layouts;
import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.LayoutRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollisionCheckTest {

    private static LayoutStats layout(String hash, int entities, double ratio, int k, long seed) {
        return LayoutStats.of(Layouts.build(new FixtureModuloCompressor(),
                new LayoutRequest(entities, 16, ratio, k, hash, seed), Fixtures.PLUGINS.hashes()));
    }

    @Test
    void aConstantHashIsFarWorseThanRandomHashing() {
        LayoutStats constant = layout("fixture-constant", 2000, 0.2, 2, 1);
        assertThat(constant.maxEntitiesPerRow()).isEqualTo(2000);
        assertThat(CollisionCheck.warning(constant, 2)).startsWith("far worse than random hashing: 2,000 entities "
                + "share one row")
                .contains("2,000 of 2,000 entities share their whole signature");
    }

    @Test
    void aGoodHashNeverWarnsOverManySizesAndSeeds() {
        for (int entities : new int[] {2, 10, 100, 1000, 5000}) {
            for (double ratio : new double[] {0.01, 0.1, 0.5, 1.0}) {
                for (int k = 1; k <= 4; k++) {
                    for (long seed = 0; seed < 3; seed++) {
                        LayoutStats s = layout("fixture-mix", entities, ratio, k, seed);
                        assertThat(CollisionCheck.warning(s, k)).as("n=%d r=%s k=%d seed=%d: %s", entities, ratio,
                                k, seed, s).isNull();
                    }
                }
            }
        }
    }

    @Test
    void theBoundsFollowTheDocumentedFormulas() {
        // n = 1000, m = 100, k = 1: mu = 10; L = ln(100 / 1e-9) = 25.328436; t = L/3 + sqrt(L^2/9 + 2 L mu)
        //   = 8.442812 + sqrt(71.280 + 506.569) = 8.442812 + 24.0385 = 32.48; bound = 42.48
        assertThat(CollisionCheck.warning(new LayoutStats(1000, 100, 0.1, 1000, 1.0, 42, 10), 1)).isNull();
        assertThat(CollisionCheck.warning(new LayoutStats(1000, 100, 0.1, 1000, 1.0, 43, 10), 1))
                .contains("43 entities share one row, where random hashing puts at most 42 in any row (mean 10.0)");
        // n = 100, m = 1000, k = 2: q = (2/1000)^2 = 4e-6; lambda = 4950 * 4e-6 = 0.0198; L = ln(1e9) = 20.723;
        // bound = 0.0198 + 6.9078 + sqrt(47.717 + 0.8206) = 0.0198 + 6.9078 + 6.9670 = 13.89 pairs: 28 entities
        // sharing (14 pairs at least) is above it, 26 (13) is not
        assertThat(CollisionCheck.warning(new LayoutStats(100, 1000, 10, 26, 0.26, 3, 1.0), 2)).isNull();
        assertThat(CollisionCheck.warning(new LayoutStats(100, 1000, 10, 28, 0.28, 3, 1.0), 2))
                .contains("28 of 100 entities share their whole signature");
    }

    @Test
    void theRunWarnsInItsOutputAndTheResultRow(@TempDir Path dir) throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        new ExperimentRunner(Fixtures.spec("grid.ratio=[0.5]", "grid.hashes=[1]", "grid.sides=[items]",
                "grid.hash=[fixture-constant, fixture-mix]"), Fixtures.data(), Fixtures.EVALUATION,
                new io.bloomfit.experiment.store.DirectoryResultStore(dir), listener, 1, Fixtures.PLUGINS).run(false);
        // 30 items, 15 rows, k = 1: mu = 2, L = ln(15e9) = 23.43, bound = 2 + 7.81 + sqrt(61.0 + 93.7) = 22.25 < 30
        assertThat(notes).singleElement().satisfies(n -> assertThat(n)
                .startsWith("warning: fixture-modulo fixture-constant r=0.5 k=1 items #0: item layout: far worse than "
                        + "random hashing: 30 entities share one row")
                .endsWith("check the hash function 'fixture-constant'"));
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        assertThat(lines.get(1)).contains("\"hash\":\"fixture-constant\"")
                .contains("\"collision_warning\":\"far worse than random hashing");
        assertThat(lines.get(2)).contains("\"hash\":\"fixture-mix\"").doesNotContain("far worse");
    }
}
