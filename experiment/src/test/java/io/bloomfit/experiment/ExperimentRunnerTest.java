package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.store.DirectoryResultStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bloomfit.api.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

    private static ExperimentRunner runner(ExperimentSpec spec, Path dir, ExperimentListener listener,
                                           int parallelism) {
        return new ExperimentRunner(spec, Fixtures.data(), Fixtures.EVALUATION, new DirectoryResultStore(dir), listener,
                parallelism, Fixtures.PLUGINS);
    }

    @Test
    void writesOneRowPerPointWithTheContractFields(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        // plain and two grid points, then the untrained popularity and random references
        assertThat(rows).hasSize(5);
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        assertThat(lines).hasSize(5);
        for (int i = 3; i < 5; i++) {
            JsonNode reference = new ObjectMapper().readTree(lines.get(i));
            assertThat(reference.get("compressor").asText()).isEqualTo(i == 3 ? "popularity" : "random");
            assertThat(reference.get("sides").asText()).isEqualTo("none");
            assertThat(reference.get("status").asText()).isEqualTo("ok");
            assertThat(reference.get("trainer").asText()).isEqualTo("none");
            assertThat(reference.get("fit_seconds_per_epoch").size()).isZero();
            assertThat(reference.get("mrr").asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode plain = new ObjectMapper().readTree(lines.get(0));
        assertThat(plain.get("compressor").asText()).isEqualTo("plain");
        for (String field : List.of("compressor", "hash", "ratio", "hashes", "sides", "repeat", "seed", "status",
                "error", "mrr", "precision_at_10", "recall_at_10", "ndcg_at_10", "fit_seconds_per_epoch", "fit_seconds",
                "eval_seconds", "parameters", "bytes", "device", "threads", "peak_heap_bytes", "achieved_ratio",
                "user_layout", "item_layout")) {
            assertThat(plain.has(field)).as(field).isTrue();
        }
        JsonNode bloom = new ObjectMapper().readTree(lines.get(1));
        assertThat(bloom.get("compressor").asText()).isEqualTo("fixture-modulo");
        assertThat(bloom.get("hash").asText()).isEqualTo("fixture-mix");
        assertThat(bloom.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(bloom.get("hashes").asInt()).isEqualTo(2);
        assertThat(bloom.get("sides").asText()).isEqualTo("both");
        assertThat(bloom.get("status").asText()).isEqualTo("ok");
        assertThat(bloom.get("error").isNull()).isTrue();
        assertThat(bloom.get("fit_seconds_per_epoch").size()).isEqualTo(2);
        assertThat(bloom.get("device").asText()).isEqualTo("cpu()");
        // 20 users and 30 items at ratio 0.5: 10 + 15 rows of dimension 4, plus 50 biases from the trainer
        assertThat(bloom.get("parameters").asLong()).isEqualTo((10 + 15) * 4 + 50);
        assertThat(bloom.get("user_layout").get("rows").asLong()).isEqualTo(10);
        assertThat(bloom.get("item_layout").get("rows").asLong()).isEqualTo(15);
        assertThat(bloom.get("achieved_ratio").asDouble()).isEqualTo(0.5);
        assertThat(plain.get("parameters").asLong()).isEqualTo((20 + 30) * 4 + 50);
        assertThat(plain.get("hash").isNull()).isTrue();
        assertThat(plain.get("sides").asText()).isEqualTo("none");
        assertThat(Files.readString(dir.resolve("spec.json"))).contains("\"name\" : \"fixture-run\"");
    }

    @Test
    void aFailingPointIsRecordedAndTheRestGoOn(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = runner(Fixtures.spec(), dir, null, 1).run(false);
        // ratio 0.1 makes the fixture trainer diverge, for both hash functions; two reference rows follow the grid
        assertThat(rows).hasSize(7);
        assertThat(rows).filteredOn(r -> r.point().ratio() == 0.1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ResultStatus.FAILED);
            assertThat(r.error()).startsWith("training diverged at epoch 1, step 1");
            assertThat(r.metrics()).isNull();
        });
        assertThat(rows).filteredOn(r -> r.point().ratio() != 0.1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ResultStatus.OK);
            assertThat(r.mrr()).isBetween(0.0, 1.0);
        });
        assertThat(Files.readString(dir.resolve("results.jsonl"))).contains("\"mrr\":null");
    }

    @Test
    void resumeSkipsFinishedPointsAndRerunsFailedOnes(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec();
        runner(spec, dir, null, 1).run(false);
        // simulate an interrupt in another process: keep the first two rows and half of a third line
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl")).stream()
                .map(l -> l.replace(ResultRow.Costs.THIS_PROCESS, "1@earlier")).toList();
        Files.writeString(dir.resolve("results.jsonl"), lines.get(0) + "\n" + lines.get(1) + "\n"
                + lines.get(2).substring(0, 20));
        List<GridPoint> ran = new CopyOnWriteArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public TrainingListener pointStarted(GridPoint point, int index, int total) {
                ran.add(point);
                return TrainingListener.NONE;
            }
        };
        List<ResultRow> rows = runner(spec, dir, listener, 1).run(true);
        List<GridPoint> all = ExperimentPlan.withReferences(spec, Fixtures.PLUGINS);
        assertThat(all.get(0).baseline()).isTrue();
        // the plain baseline runs again, so this process's points are compared with a plain timed here
        List<GridPoint> expected = new ArrayList<>(List.of(all.get(0)));
        expected.addAll(all.subList(2, all.size()));
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(rows).extracting(r -> r.point().key()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(all.stream(), java.util.stream.Stream.of(all.get(0)))
                        .map(GridPoint::key).toList());

        var summary = io.bloomfit.report.ExperimentSummary.of(rows);
        var earlier = all.get(1);
        assertThat(summary.rows()).allSatisfy(r -> {
            boolean fromEarlierProcess = r.group().hash() != null && r.group().hash().equals(earlier.hash())
                    && r.group().ratio() == earlier.ratio();
            if (r.runs() > 0 && !r.reference()) {
                assertThat(r.speed().comparable()).as(r.label()).isEqualTo(!fromEarlierProcess);
                assertThat(Double.isNaN(r.speed().speedup())).as(r.label()).isEqualTo(fromEarlierProcess);
            }
        });
        assertThat(io.bloomfit.report.ConsoleReport.render(summary)).contains("n/c", "note: speedup n/c");
    }

    /**
     * Points that differ only by an option are distinct rows, recorded with the options the grid gave and the
     * resolved ones; a resume finds them finished; reports keep them apart.
     */
    @Test
    void optionAxesGiveDistinctRowsThatResumeAndReportsTellApart(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-options]", "grid.ratio=[0.5]",
                "grid.hash=[fixture-mix]", "grid.options.fixture-options.extraRows=[0, 4]");
        List<ResultRow> rows = runner(spec, dir, null, 1).run(false);
        assertThat(rows).hasSize(5); // plain, two option values, two references
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        JsonNode zero = new ObjectMapper().readTree(lines.get(1));
        JsonNode four = new ObjectMapper().readTree(lines.get(2));
        assertThat(zero.get("grid_options").toString()).isEqualTo("{\"extraRows\":0}");
        assertThat(four.get("grid_options").toString()).isEqualTo("{\"extraRows\":4}");
        assertThat(four.get("options").toString()).isEqualTo("{\"extraRows\":4,\"spread\":\"auto\"}");
        assertThat(four.get("item_layout").get("rows").asLong()).isEqualTo(19);
        JsonNode plain = new ObjectMapper().readTree(lines.get(0));
        assertThat(plain.has("options")).isFalse();
        assertThat(plain.has("grid_options")).isFalse();
        assertThat(Files.readString(dir.resolve("spec.json"))).contains("\"extraRows\" : [ 0, 4 ]");

        List<GridPoint> ran = new CopyOnWriteArrayList<>();
        runner(spec, dir, new ExperimentListener() {
            @Override
            public TrainingListener pointStarted(GridPoint point, int index, int total) {
                ran.add(point);
                return TrainingListener.NONE;
            }
        }, 1).run(true);
        assertThat(ran).isEmpty();

        var summary = io.bloomfit.report.ExperimentSummary.of(rows);
        assertThat(summary.rows()).extracting(io.bloomfit.report.SummaryRow::label).contains(
                "fixture-options fixture-mix 0.5 k=2 both extraRows=0",
                "fixture-options fixture-mix 0.5 k=2 both extraRows=4");
        assertThat(io.bloomfit.report.ConsoleReport.render(summary)).contains("fixture-options extraRows=4  ");
        assertThat(io.bloomfit.report.SummaryCsv.render(summary)).contains(",extraRows=4\n")
                .startsWith(io.bloomfit.report.SummaryCsv.HEADER);
        assertThat(io.bloomfit.report.SummaryCsv.HEADER).endsWith(",p_value_vs_plain,options");
    }

    @Test
    void withoutResumeExistingResultsAreNotOverwritten(@TempDir Path dir) throws Exception {
        runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        assertThatThrownBy(() -> runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false))
                .isInstanceOf(SpecException.class).hasMessageContaining("already holds results; add --resume");
    }

    @Test
    void resumeAcceptsAChangedKeepModelsAndStoresTheSpecItRanWith(@TempDir Path dir) throws Exception {
        List<ResultRow> first = runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        // keeping models changes no result: switching it on (or off) for a resume is not a different spec
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5]", "keepModels=true"), dir, null, 1).run(true);
        assertThat(rows).hasSameSizeAs(first);
        assertThat(Files.readString(dir.resolve("spec.json"))).contains("\"keepModels\" : true");
        assertThat(runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(true)).hasSameSizeAs(first);
    }

    @Test
    void resumeRefusesResultsOfADifferentSpec(@TempDir Path dir) throws Exception {
        runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        assertThatThrownBy(() -> runner(Fixtures.spec("model.epochs=3"), dir, null, 1).run(true))
                .isInstanceOf(SpecException.class).hasMessageContaining("was written by a different spec");
        // a grown grid is fine: only the new points run (plain, 2 x 2 grid points, popularity, random)
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5, 0.25]"), dir, null, 1).run(true);
        assertThat(rows).hasSize(7);
    }

    /** A spec.json written before trainers had options ran with the trainer's defaults. */
    @Test
    void resumeAcceptsASpecStoredBeforeTrainerOptionsWhenTheOptionsAreTheDefaults(@TempDir Path dir)
            throws Exception {
        List<ResultRow> first = runner(Fixtures.spec("trainer.name=fixture-options", "grid.ratio=[0.5]"), dir, null, 1)
                .run(false);
        String stored = Files.readString(dir.resolve("spec.json"));
        String withoutOptions = stored.replaceAll(",\\s*\"options\" : \\{[^}]*}", "");
        assertThat(withoutOptions).doesNotContain("\"options\"").contains("\"name\" : \"fixture-options\"");
        Files.writeString(dir.resolve("spec.json"), withoutOptions);

        assertThat(runner(Fixtures.spec("trainer.name=fixture-options", "grid.ratio=[0.5]"), dir, null, 1).run(true))
                .hasSameSizeAs(first);
        assertThatThrownBy(() -> runner(Fixtures.spec("trainer.name=fixture-options", "trainer.options.path=exact",
                "grid.ratio=[0.5]"), dir, null, 1).run(true)).isInstanceOf(SpecException.class)
                .hasMessageContaining("was written by a different spec");
    }

    @Test
    void parallelPointsGiveTheSameResultsAsSequentialOnes(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec("grid.repeats=2");
        List<ResultRow> sequential = runner(spec, dir.resolve("a"), null, 1).run(false);
        List<ResultRow> parallel = runner(spec, dir.resolve("b"), null, 3).run(false);
        assertThat(keysAndMrr(parallel)).containsExactlyInAnyOrderElementsOf(keysAndMrr(sequential));
    }

    private static List<String> keysAndMrr(List<ResultRow> rows) {
        List<String> out = new ArrayList<>();
        for (ResultRow r : rows) {
            out.add(r.point().key() + " " + r.status().specName() + " " + r.mrr());
        }
        return out;
    }

    @Test
    void listenerSeesEveryPointAndItsEpochs(@TempDir Path dir) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void started(List<GridPoint> points, int skipped) {
                events.add("started " + points.size() + " skipped " + skipped);
            }

            @Override
            public TrainingListener pointStarted(GridPoint point, int index, int total) {
                events.add("point " + index + "/" + total);
                return new TrainingListener() {
                    @Override
                    public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                        events.add("epoch " + epoch + "/" + epochs);
                    }
                };
            }

            @Override
            public void pointFinished(ResultRow row, int index, int total) {
                events.add("done " + index + " " + row.status().specName());
            }
        };
        runner(Fixtures.spec("grid.ratio=[0.5]", "grid.hash=[fixture-mix]"), dir, listener, 1).run(false);
        // the reference rows are points too, without epochs
        assertThat(events).containsExactly("started 4 skipped 0", "point 1/4", "epoch 1/2", "epoch 2/2", "done 1 ok",
                "point 2/4", "epoch 1/2", "epoch 2/2", "done 2 ok", "point 3/4", "done 3 ok", "point 4/4",
                "done 4 ok");
    }

    @Test
    void cancellingStopsTheFitInProgressKeepsFinishedPointsAndResumeContinues(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec("grid.ratio=[0.5]", "grid.repeats=2");
        List<GridPoint> all = ExperimentPlan.withReferences(spec, Fixtures.PLUGINS);
        assertThat(all).hasSize(10); // 2 repeats x (plain + 2 grid points), then 2 x (popularity, random)
        AtomicReference<ExperimentRunner> running = new AtomicReference<>();
        List<String> events = new CopyOnWriteArrayList<>();
        ExperimentListener cancelDuringThirdPoint = new ExperimentListener() {
            @Override
            public TrainingListener pointStarted(GridPoint point, int index, int total) {
                events.add("start " + index);
                return new TrainingListener() {
                    @Override
                    public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                        if (index == 3 && epoch == 1) {
                            running.get().cancel(); // Ctrl-C between epoch 1 and 2 of the third point
                        }
                    }
                };
            }

            @Override
            public void pointFinished(ResultRow row, int index, int total) {
                events.add("done " + index);
            }

            @Override
            public void pointCancelled(GridPoint point, int index, int total) {
                events.add("cancelled " + index);
            }
        };
        ExperimentRunner runner = runner(spec, dir, cancelDuringThirdPoint, 1);
        running.set(runner);

        List<ResultRow> rows = runner.run(false);

        assertThat(runner.cancelled()).isTrue();
        assertThat(events).containsExactly("start 1", "done 1", "start 2", "done 2", "start 3", "cancelled 3");
        assertThat(rows).extracting(r -> r.point().key()).containsExactly(all.get(0).key(), all.get(1).key());
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSize(2);

        List<GridPoint> resumed = new CopyOnWriteArrayList<>();
        List<ResultRow> after = runner(spec, dir, new ExperimentListener() {
            @Override
            public TrainingListener pointStarted(GridPoint point, int index, int total) {
                resumed.add(point);
                return TrainingListener.NONE;
            }
        }, 1).run(true);
        assertThat(resumed).containsExactlyElementsOf(all.subList(2, 10));
        assertThat(after).extracting(r -> r.point().key()).containsExactlyElementsOf(all.stream()
                .map(GridPoint::key).toList());
        assertThat(after).allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void cancellingParallelPointsStartsNoMoreAndStoresOnlyFinishedOnes(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec("grid.ratio=[0.5]", "grid.repeats=4");
        AtomicReference<ExperimentRunner> running = new AtomicReference<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        // synchronized: the second finish and the cancel it asks for are one step for the other thread, which
        // otherwise (preempted between the two on a loaded machine) could finish a reference point, which has no
        // fit to stop, and start yet another point before the cancel
        ExperimentListener cancelAtTheSecondFinish = new ExperimentListener() {
            @Override
            public synchronized TrainingListener pointStarted(GridPoint point, int index, int total) {
                started.incrementAndGet();
                return TrainingListener.NONE;
            }

            @Override
            public synchronized void pointFinished(ResultRow row, int index, int total) {
                if (finished.incrementAndGet() == 2) {
                    running.get().cancel();
                }
            }
        };
        ExperimentRunner runner = runner(spec, dir, cancelAtTheSecondFinish, 2);
        running.set(runner);

        List<ResultRow> rows = runner.run(false);

        // 12 points on 2 threads, cancelled when the second one finishes: besides those two, only the point in flight
        // on the other thread can have started, and it is either finished or dropped
        assertThat(started.get()).isLessThanOrEqualTo(3);
        assertThat(rows).hasSizeBetween(2, 3).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSameSizeAs(rows);
    }

    @Test
    void aRunCancelledBeforeItStartsRunsNothing(@TempDir Path dir) throws Exception {
        ExperimentRunner runner = runner(Fixtures.spec(), dir, null, 1);
        runner.cancel();
        assertThat(runner.run(false)).isEmpty();
        assertThat(dir.resolve("results.jsonl")).doesNotExist();
        assertThat(dir.resolve("spec.json")).exists();
    }

    @Test
    void pointsRunByAnotherSchedulerGoThroughTheSameStore(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec("grid.ratio=[0.5]");
        PointRunner points = new PointRunner(spec, Fixtures.data(), Fixtures.EVALUATION, Fixtures.PLUGINS,
                FittedModelHandler.NONE);
        List<GridPoint> scheduled = new ArrayList<>();
        // a scheduler that runs points elsewhere: it never calls started(), only hands rows back, last point first
        PointScheduler reversed = (todo, sink, cancellation) -> {
            for (int i = todo.size() - 1; i >= 0; i--) {
                scheduled.add(todo.get(i));
                sink.finished(points.run(todo.get(i), TrainingListener.NONE));
            }
        };
        List<Integer> indices = new CopyOnWriteArrayList<>();
        List<ResultRow> rows = new ExperimentRunner(spec, reversed, new DirectoryResultStore(dir),
                new ExperimentListener() {
                    @Override
                    public void pointFinished(ResultRow row, int index, int total) {
                        indices.add(index);
                    }
                }, Fixtures.PLUGINS).run(false);
        assertThat(scheduled).hasSize(5);
        assertThat(rows).extracting(ResultRow::point).containsExactlyElementsOf(scheduled);
        assertThat(indices).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void resumingANarrowerGridKeepsTheSpecThatCoversEveryStoredRow(@TempDir Path dir) throws Exception {
        runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false); // plain + 2 hashes
        String covering = Files.readString(dir.resolve("spec.json"));
        List<String> notes = new CopyOnWriteArrayList<>();
        ExperimentListener listener = new ExperimentListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5]", "grid.hash=[fixture-mix]"), dir, listener, 1)
                .run(true);
        assertThat(rows).hasSize(5); // plain, 2 hashes and the popularity and random reference rows
        assertThat(Files.readString(dir.resolve("spec.json"))).isEqualTo(covering).contains("fixture-linear");
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("this grid leaves out 1 of the 5 points stored")
                .contains("so is the stored spec"));

        // a grown grid covers the stored rows: its spec replaces the stored one
        runner(Fixtures.spec("grid.ratio=[0.5, 0.1]"), dir, null, 1).run(true);
        assertThat(Files.readString(dir.resolve("spec.json"))).isNotEqualTo(covering).contains("0.1");

        // neither covers the other: refused, nothing changes
        String grown = Files.readString(dir.resolve("spec.json"));
        assertThatThrownBy(() -> runner(Fixtures.spec("grid.ratio=[0.25]"), dir, null, 1).run(true))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("neither spec would describe the directory");
        assertThat(Files.readString(dir.resolve("spec.json"))).isEqualTo(grown);
    }
}
