package io.bloomfit.experiment;

import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.store.ResultStore;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

    private static ExperimentRunner runner(ExperimentSpec spec, Path dir, ExperimentListener listener,
                                           int parallelism) {
        return new ExperimentRunner(spec, Fixtures.data(), Fixtures.EVALUATION, new ResultStore(dir), listener,
                parallelism, Fixtures.PLUGINS);
    }

    @Test
    void warmUpFitsOneUntimedEpochOnPlainLayoutsAndClosesTheModel(@TempDir Path dir) {
        List<io.bloomfit.api.train.FitRequest> fits = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        io.bloomfit.api.train.Trainer recording = new io.bloomfit.api.train.Trainer() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public io.bloomfit.api.train.TrainedModel fit(io.bloomfit.api.train.FitRequest request,
                                                          TrainingListener listener) {
                fits.add(request);
                io.bloomfit.api.train.TrainedModel model = new FixtureTrainer().fit(request, listener);
                return new io.bloomfit.api.train.TrainedModel() {
                    public int numUsers() { return model.numUsers(); }
                    public int numItems() { return model.numItems(); }
                    public float[][] scoreAll(int[] users) { return model.scoreAll(users); }
                    public float[] score(int user, int[] items) { return model.score(user, items); }
                    public int[] recommend(int user, int k, int[] exclude) { return model.recommend(user, k, exclude); }
                    public void save(Path directory) { throw new AssertionError("a warm-up model is never saved"); }
                    public io.bloomfit.api.train.FitReport report() { return model.report(); }
                    public void close() { closed.add(true); model.close(); }
                };
            }

            @Override
            public io.bloomfit.api.train.TrainedModel load(Path directory) {
                throw new AssertionError();
            }
        };

        runner(Fixtures.spec("model.epochs=3"), dir, null, 1).warmUp(recording);

        assertThat(fits).singleElement().satisfies(request -> {
            assertThat(request.model().epochs()).isEqualTo(1);
            assertThat(request.train().size())
                    .isEqualTo(Math.min(Fixtures.data().train().size(), TrainerWarmUp.INTERACTIONS));
            assertThat(request.userLayout().compressor()).isEqualTo("plain");
            assertThat(request.itemLayout().compressor()).isEqualTo("plain");
        });
        assertThat(closed).containsExactly(true);
        assertThat(dir.resolve("results.jsonl")).doesNotExist();
    }

    @Test
    void writesOneRowPerPointWithTheContractFields(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        assertThat(rows).hasSize(3);
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        assertThat(lines).hasSize(3);
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
        // ratio 0.1 makes the fixture trainer diverge, for both hash functions
        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> r.point().ratio() == 0.1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("failed");
            assertThat(r.error()).startsWith("training diverged at epoch 1, step 1");
            assertThat(r.metrics()).isNull();
        });
        assertThat(rows).filteredOn(r -> r.point().ratio() != 0.1).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("ok");
            assertThat(r.mrr()).isBetween(0.0, 1.0);
        });
        assertThat(Files.readString(dir.resolve("results.jsonl"))).contains("\"mrr\":null");
    }

    @Test
    void resumeSkipsFinishedPointsAndRerunsFailedOnes(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = Fixtures.spec();
        runner(spec, dir, null, 1).run(false);
        // simulate an interrupt: keep the first two rows and half of a third line
        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
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
        List<GridPoint> all = ExperimentPlan.expand(spec, Fixtures.PLUGINS);
        assertThat(ran).containsExactlyElementsOf(all.subList(2, all.size()));
        assertThat(rows).extracting(r -> r.point().key()).containsExactlyElementsOf(all.stream().map(GridPoint::key)
                .toList());
    }

    @Test
    void withoutResumeExistingResultsAreNotOverwritten(@TempDir Path dir) throws Exception {
        runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        assertThatThrownBy(() -> runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false))
                .isInstanceOf(SpecException.class).hasMessageContaining("already holds results; add --resume");
    }

    @Test
    void resumeRefusesResultsOfADifferentSpec(@TempDir Path dir) throws Exception {
        runner(Fixtures.spec("grid.ratio=[0.5]"), dir, null, 1).run(false);
        assertThatThrownBy(() -> runner(Fixtures.spec("model.epochs=3"), dir, null, 1).run(true))
                .isInstanceOf(SpecException.class).hasMessageContaining("was written by a different spec");
        // a grown grid is fine: only the new points run
        List<ResultRow> rows = runner(Fixtures.spec("grid.ratio=[0.5, 0.25]"), dir, null, 1).run(true);
        assertThat(rows).hasSize(5);
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
            out.add(r.point().key() + " " + r.status() + " " + r.mrr());
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
                events.add("done " + index + " " + row.status());
            }
        };
        runner(Fixtures.spec("grid.ratio=[0.5]", "grid.hash=[fixture-mix]"), dir, listener, 1).run(false);
        assertThat(events).containsExactly("started 2 skipped 0", "point 1/2", "epoch 1/2", "epoch 2/2", "done 1 ok",
                "point 2/2", "epoch 1/2", "epoch 2/2", "done 2 ok");
    }
}
