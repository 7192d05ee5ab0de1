package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.experiment.store.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The one run entry on a {@code files} split of 4 users and 6 items written here, with the fixture plugins. */
class ExperimentRunTest {

    /** u.data layout (user, item, rating, time); train: users 1-4, items 10-15; test: one pair per user. */
    private static ExperimentSpec filesSpec(Path dir, String... overrides) throws IOException {
        Path train = Files.writeString(dir.resolve("part.base"), """
                1\t10\t5\t1
                1\t11\t4\t2
                2\t12\t3\t3
                2\t13\t4\t4
                3\t14\t5\t5
                3\t15\t2\t6
                4\t10\t4\t7
                4\t12\t5\t8
                """);
        Path test = Files.writeString(dir.resolve("part.test"), "1\t12\t4\t9\n2\t10\t5\t10\n3\t11\t3\t11\n4\t15\t4\t12\n");
        String yaml = Fixtures.SPEC.replace("dataset: {source: synthetic, preset: synthetic-ml100k}",
                        "dataset: {source: movielens}")
                .replace("split: {kind: random, test: 0.2, seed: 42}",
                        "split: {kind: files, train: '" + train + "', test: '" + test + "'}")
                .replace("hash: [fixture-mix, fixture-linear]", "hash: [fixture-mix]")
                .replace("ratio: [0.5, 0.1]", "ratio: [0.5]");
        return Fixtures.read(yaml, "files.yaml", overrides);
    }

    @Test
    void aFilesSplitIsLoadedRunAndItsDatasetRecordWritten(@TempDir Path dir) throws Exception {
        ExperimentRun run = new ExperimentRun(filesSpec(dir), Fixtures.PLUGINS, RunOptions.defaults());
        DirectoryResultStore store = new DirectoryResultStore(dir.resolve("run"));

        RunOutcome outcome = run.run(store, null);

        // plain, fixture-modulo r=0.5 k=2, and the popularity and random references
        assertThat(outcome.rows()).extracting(r -> r.point().compressor())
                .containsExactly("plain", "fixture-modulo", "popularity", "random");
        assertThat(outcome.rows()).allSatisfy(r -> assertThat(r.ok()).as(r.error()).isTrue());
        assertThat(outcome.cancelled()).isFalse();
        assertThat(run.data().train().numUsers()).isEqualTo(4);
        assertThat(run.data().train().numItems()).isEqualTo(6);
        assertThat(outcome.dataDescription()).isEqualTo(run.data().description()).contains("4 users", "6 items");
        assertThat(store.directory().dataset()).exists();
        assertThat(store.read()).hasSize(4);
    }

    @Test
    void thePlanSizesEveryPointFromItsLayoutsAndTrainsNothing(@TempDir Path dir) throws Exception {
        ExperimentRun run = new ExperimentRun(filesSpec(dir), Fixtures.PLUGINS, new RunOptions(2, false, null));

        PlannedRun plan = run.plan();

        assertThat(plan.name()).isEqualTo("fixture-run");
        assertThat(plan.points()).extracting(p -> p.point().label()).containsExactly("plain baseline #0",
                "fixture-modulo fixture-mix r=0.5 k=2 both #0", "popularity reference #0", "random reference #0");
        // dimension 4. plain: (4 + 6) rows x 4 floats, one int index per entity;
        // fixture-modulo r=0.5 k=2: ceil(0.5 * 4) + ceil(0.5 * 6) = 5 rows x 4 floats, two int indices per entity
        PlannedPoint plain = plan.points().get(0);
        assertThat(plain.parameters()).isEqualTo(40);
        assertThat(plain.bytes()).isEqualTo(40 * 4 + 10 * 4);
        PlannedPoint bloom = plan.points().get(1);
        assertThat(bloom.parameters()).isEqualTo(20);
        assertThat(bloom.bytes()).isEqualTo(20 * 4 + 20 * 4);
        assertThat(bloom.memory().parts()).hasSize(3);
        assertThat(plan.points().get(2).parameters()).isZero();
        assertThat(plan.points().get(2).memory().parts()).singleElement().asString().startsWith("evaluation buffers");
        assertThat(plan.trained()).isEqualTo(2);
        assertThat(plan.references()).isEqualTo(2);
        assertThat(plan.totalParameters()).isEqualTo(60);
        assertThat(plan.unsized()).isEmpty();
        assertThat(plan.largest()).contains(plain);
        assertThat(plan.peakBytes()).isEqualTo(2 * plain.memory().bytes());

        // a run records what the trainer counts: the layouts' floats plus the fixture trainer's biases (4 + 6)
        // (two points in flight: rows in the order they finished)
        Map<String, ResultRow> rows = run.run(new DirectoryResultStore(dir.resolve("run")), null).rows().stream()
                .collect(Collectors.toMap(r -> r.point().compressor(), r -> r));
        assertThat(rows.get("plain").sizes().parameters()).isEqualTo(40 + 10);
        assertThat(rows.get("fixture-modulo").sizes().parameters()).isEqualTo(20 + 10);
        assertThat(rows.get("fixture-modulo").sizes().bytes()).isEqualTo(bloom.bytes() + 10 * 4);
    }

    @Test
    void keptModelsGoWhereTheOptionsSay(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        ExperimentRun run = new ExperimentRun(filesSpec(dir), Fixtures.PLUGINS, new RunOptions(1, false, models));

        List<ResultRow> rows = run.run(new DirectoryResultStore(dir.resolve("run")), null).rows();

        assertThat(models.resolve(RunDirectory.USER_IDS)).hasContent("1\n2\n3\n4");
        assertThat(models.resolve(RunDirectory.ITEM_IDS)).hasContent("10\n11\n12\n13\n14\n15");
        // every fitted model was handed to the kept models, and the fixture trainer's models refuse to be saved
        assertThat(rows).filteredOn(r -> !r.point().reference()).hasSize(2).allSatisfy(r -> assertThat(r.error())
                .contains("UnsupportedOperationException"));
        assertThat(rows).filteredOn(r -> r.point().reference()).hasSize(2).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void aRunCancelledBeforeItStartsRunsNoPoint(@TempDir Path dir) throws Exception {
        ExperimentRun run = new ExperimentRun(filesSpec(dir), Fixtures.PLUGINS, RunOptions.defaults());
        run.cancel();

        RunOutcome outcome = run.run(new DirectoryResultStore(dir.resolve("run")), null);

        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.rows()).isEmpty();
    }
}
