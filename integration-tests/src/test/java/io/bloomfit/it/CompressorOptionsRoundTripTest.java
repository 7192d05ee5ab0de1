package io.bloomfit.it;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.model.FactorizationModel;
import io.bloomfit.experiment.ExperimentData;
import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.PointRunner;
import io.bloomfit.experiment.grid.Evaluation;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.host.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compressor option goes from the spec through the result row and the saved model back into the layout: two
 * {@code bloom-hybrid} points that differ only by {@code hotShare} are fitted by the {@code cpu} trainer and saved;
 * each reloaded model has the layout its row's options build (not the default one), and scores as it did before it
 * was saved.
 */
class CompressorOptionsRoundTripTest {

    private static final String SPEC = """
            name: options-round-trip
            dataset: {source: synthetic, preset: synthetic-ml100k}
            split: {kind: random, test: 0.2, seed: 42}
            model: {kind: implicit-factorization, loss: bpr, dimension: 8, epochs: 1, batchSize: 64,
                    learningRate: 0.01, l2: 0.0, optimizer: sparse-adam, seed: 3}
            trainer: {name: cpu, device: cpu, threads: 1}
            grid:
              compressor: [bloom-hybrid]
              hash: [xxh64]
              ratio: [0.5]
              hashes: [2]
              options:
                bloom-hybrid: {hotShare: [0.25, 0.5]}
            """;

    /** 60 users, 80 items; user u trains on items (u * j) mod 80 for j in 1..8 (item 0 and small ids most often). */
    private static ExperimentData data() {
        int users = 60;
        int items = 80;
        int[] u = new int[users * 8];
        int[] i = new int[users * 8];
        for (int user = 0; user < users; user++) {
            for (int j = 0; j < 8; j++) {
                u[user * 8 + j] = user;
                i[user * 8 + j] = (user * (j + 1)) % items;
            }
        }
        int[] testUsers = IntStream.range(0, users).toArray();
        int[] testItems = IntStream.range(0, users).map(user -> (user + 41) % items).toArray();
        return new ExperimentData(new Interactions(users, items, u, i, null, null),
                new Interactions(users, items, testUsers, testItems, null, null), "option round trip");
    }

    @Test
    void anOptionReachesTheRowAndTheSavedModelAndIsUsedOnReload(@TempDir Path dir) throws Exception {
        Plugins plugins = Plugins.shared();
        ExperimentSpec spec = SpecReader.read(SPEC, "options.yaml", false, "options", null, List.of(), plugins);
        ExperimentData data = data();
        List<GridPoint> points = ExperimentPlan.expand(spec, plugins);
        assertThat(points).hasSize(3); // plain, hotShare 0.25, hotShare 0.5
        Map<GridPoint, float[][]> scored = new HashMap<>();
        int[] someUsers = {0, 7, 31, 59};
        PointRunner runner = new PointRunner(spec, data, Evaluation.standard(), plugins, (point, model) -> {
            model.save(dir.resolve(point.key().replace('|', '_')));
            scored.put(point, model.scoreAll(someUsers));
        });

        EmbeddingLayout defaultItems = Layouts.build(plugins.compressors().forName("bloom-hybrid"),
                new LayoutRequest(80, 8, 0.5, 2, "xxh64", 3).withTrainingCounts(data.train().itemCounts()),
                plugins.hashes());
        int[][] reloadedItemRows = new int[2][];
        for (int p = 1; p <= 2; p++) {
            GridPoint point = points.get(p);
            ResultRow row = ResultRowJson.read(ResultRowJson.write(runner.run(point, TrainingListener.NONE)));
            assertThat(row.ok()).as(row.error()).isTrue();
            assertThat(row.point()).isEqualTo(point);
            double share = p == 1 ? 0.25 : 0.5;
            assertThat(row.options().asMap()).containsExactly(Map.entry("coldFloor", 0.2), Map.entry("hotShare", share));

            EmbeddingLayout expected = Layouts.build(plugins.compressors().forName("bloom-hybrid"),
                    new LayoutRequest(80, 8, 0.5, 2, "xxh64", 3).withTrainingCounts(data.train().itemCounts())
                            .withOptions(row.options()), plugins.hashes());
            Path saved = dir.resolve(point.key().replace('|', '_'));
            try (TrainedModel loaded = plugins.trainers().forName("cpu").load(saved, plugins)) {
                EmbeddingLayout items = ((FactorizationModel) loaded).itemLayout();
                reloadedItemRows[p - 1] = rows(items);
                assertThat(items.request().options()).isEqualTo(row.options());
                assertThat(reloadedItemRows[p - 1]).isEqualTo(rows(expected));
                assertThat(loaded.scoreAll(someUsers)).isDeepEqualTo(scored.get(point));
            }
        }
        // the options changed the layout: neither reloaded model has the default hybrid's, nor the other's
        assertThat(reloadedItemRows[0]).isNotEqualTo(rows(defaultItems)).isNotEqualTo(reloadedItemRows[1]);
        assertThat(reloadedItemRows[1]).isNotEqualTo(rows(defaultItems));
    }

    /** Every entity's global rows, entity by entity. */
    private static int[] rows(EmbeddingLayout layout) {
        int[] rows = new int[layout.numEntities() * layout.numLookups()];
        layout.globalRows(IntStream.range(0, layout.numEntities()).toArray(), rows);
        return rows;
    }
}
