package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.spec.ExperimentSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.store.DirectoryResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointRunnerTest {

    private static PointRunner points(ExperimentSpec spec) {
        return new PointRunner(spec, Fixtures.data(), Fixtures.EVALUATION, Fixtures.PLUGINS, FittedModelHandler.NONE);
    }

    @AfterEach
    void noPause() {
        FixtureTrainer.pauseMillis = 0;
    }

    @Test
    void warmUpFitsOneUntimedEpochOnPlainLayoutsAndClosesTheModel() {
        List<FitRequest> fits = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        Trainer recording = new Trainer() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public TrainedModel fit(FitRequest request, TrainingListener listener) {
                fits.add(request);
                TrainedModel model = new FixtureTrainer().fit(request, listener);
                return new TrainedModel() {
                    public int numUsers() { return model.numUsers(); }
                    public int numItems() { return model.numItems(); }
                    public float[][] scoreAll(int[] users) { return model.scoreAll(users); }
                    public float[] score(int user, int[] items) { return model.score(user, items); }
                    public int[] recommend(int user, int k, int[] exclude) { return model.recommend(user, k, exclude); }
                    public void save(Path directory) { throw new AssertionError("a warm-up model is never saved"); }
                    public FitReport report() { return model.report(); }
                    public void close() { closed.add(true); model.close(); }
                };
            }

            @Override
            public TrainedModel load(Path directory, PluginLookup plugins) {
                throw new AssertionError();
            }
        };

        points(Fixtures.spec("model.epochs=3")).warmUp(recording);

        // at least two fits: the warm-up goes on until two in a row take about as long
        assertThat(fits).hasSizeBetween(2, TrainerWarmUp.MAX_FITS).allSatisfy(request -> {
            assertThat(request.model().optimization().epochs()).isEqualTo(1);
            assertThat(request.train().size())
                    .isEqualTo(Math.min(Fixtures.data().train().size(), TrainerWarmUp.INTERACTIONS));
            assertThat(request.userLayout().compressor()).isEqualTo("plain");
            assertThat(request.itemLayout().compressor()).isEqualTo("plain");
        });
        assertThat(closed).hasSameSizeAs(fits).containsOnly(true);
    }

    @Test
    void theWarmUpHasSettledWhenTwoFitsInARowAreWithinTenPercent() {
        assertThat(TrainerWarmUp.settled(Double.NaN, 0.1)).as("one fit says nothing").isFalse();
        assertThat(TrainerWarmUp.settled(0.41, 0.09)).as("JIT still compiling").isFalse();
        assertThat(TrainerWarmUp.settled(0.098, 0.09)).as("|0.098 - 0.09| = 0.008 <= 0.009, 10% of 0.09").isTrue();
        assertThat(TrainerWarmUp.settled(0.1, 0.09)).as("|0.1 - 0.09| = 0.01 > 0.009").isFalse();
        assertThat(TrainerWarmUp.settled(0.085, 0.09)).isTrue();
    }

    /** The trainer is handed its resolved options, and the row records them in trainer_options. */
    @Test
    void theTrainersOptionsTravelToTheTrainerAndIntoTheRow() throws Exception {
        ExperimentSpec spec = Fixtures.spec("trainer.name=fixture-options", "trainer.options.path=exact",
                "grid.ratio=[0.5]");
        GridPoint point = ExperimentPlan.expand(spec, Fixtures.PLUGINS).get(1);
        PluginOptions resolved = PluginOptions.of(Map.of("lanes", 4, "path", "exact"));

        ResultRow row = points(spec).run(point, TrainingListener.NONE);

        assertThat(row.ok()).isTrue();
        assertThat(FixtureTrainer.WithOptions.lastOptions).isEqualTo(resolved);
        assertThat(row.fit().trainerOptions()).isEqualTo(resolved);
        String json = ResultRowJson.write(row);
        assertThat(json).contains("\"timed_in\":\"" + ResultRow.Costs.THIS_PROCESS
                + "\",\"trainer_options\":{\"lanes\":4,\"path\":\"exact\"}");
        assertThat(ResultRowJson.read(json).fit().trainerOptions()).isEqualTo(resolved);
    }

    @Test
    void rowsOfATrainerWithoutOptionsHaveNoTrainerOptionsField() {
        ExperimentSpec spec = Fixtures.spec("grid.ratio=[0.5]");
        ResultRow row = points(spec).run(ExperimentPlan.expand(spec, Fixtures.PLUGINS).get(1), TrainingListener.NONE);
        assertThat(row.fit().trainerOptions()).isEqualTo(PluginOptions.NONE);
        assertThat(ResultRowJson.write(row)).doesNotContain("trainer_options");
    }

    @Test
    void aStopAskedForBeforeTheFitStartsNoFitAndGivesNoRow() {
        ExperimentSpec spec = Fixtures.spec("grid.ratio=[0.5]");
        GridPoint point = ExperimentPlan.expand(spec, Fixtures.PLUGINS).get(1);
        int before = FixtureTrainer.inFlight();
        TrainingListener stopNow = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return true;
            }

            @Override
            public void epochStarted(int epoch, int epochs, long steps) {
                throw new AssertionError("no epoch may start");
            }
        };
        assertThatThrownBy(() -> points(spec).run(point, stopNow)).isInstanceOf(TrainingCancelledException.class);
        assertThat(FixtureTrainer.inFlight()).isEqualTo(before);
    }

    @Test
    void fitsOverlapOnlyWhenTheTrainerDeclaresConcurrentFits(@TempDir Path dir) throws Exception {
        FixtureTrainer.pauseMillis = 100;

        FixtureTrainer.resetOverlap();
        ExperimentSpec serial = Fixtures.spec("trainer.name=fixture-serial", "grid.ratio=[0.5]", "grid.repeats=2");
        List<ResultRow> serialRows = new ExperimentRunner(serial, Fixtures.data(), Fixtures.EVALUATION,
                new DirectoryResultStore(dir.resolve("serial")), null, 3, Fixtures.PLUGINS).run(false);
        assertThat(serialRows).hasSize(10).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(FixtureTrainer.mostInFlight()).isEqualTo(1);

        FixtureTrainer.resetOverlap();
        ExperimentSpec concurrent = Fixtures.spec("grid.ratio=[0.5]", "grid.repeats=2");
        List<ResultRow> concurrentRows = new ExperimentRunner(concurrent, Fixtures.data(), Fixtures.EVALUATION,
                new DirectoryResultStore(dir.resolve("concurrent")), null, 3, Fixtures.PLUGINS).run(false);
        assertThat(concurrentRows).hasSize(10).allSatisfy(r -> assertThat(r.ok()).isTrue());
        // three threads, six fits of at least 100 ms each: with nothing serialising them, they overlap
        assertThat(FixtureTrainer.mostInFlight()).isGreaterThan(1);
    }

    @Test
    void aCompressorThatBuildsFromTrainingDataIsHandedTheTrainingPartOnly() {
        FixtureTrainingDataCompressor.HANDED.clear();
        ExperimentData data = Fixtures.data();
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-training]", "grid.hash=[fixture-mix]",
                "grid.ratio=[0.5]");
        GridPoint point = ExperimentPlan.expand(spec, Fixtures.PLUGINS).stream()
                .filter(p -> p.compressor().equals("fixture-training")).findFirst().orElseThrow();

        ResultRow row = new PointRunner(spec, data, Fixtures.EVALUATION, Fixtures.PLUGINS, FittedModelHandler.NONE)
                .run(point, null);

        assertThat(row.ok()).as(row.error()).isTrue();
        // sides: both -> the user layout gets the training interactions transposed, the item layout them as they are
        assertThat(FixtureTrainingDataCompressor.HANDED).hasSize(2);
        io.bloomfit.api.data.Interactions users = FixtureTrainingDataCompressor.HANDED.get(0);
        assertThat(users.numItems()).isEqualTo(data.train().numUsers());
        assertThat(users.size()).isEqualTo(data.train().size()).isNotEqualTo(data.test().size());
        assertThat(users.itemArray()).containsExactly(data.train().userArray());
        assertThat(FixtureTrainingDataCompressor.HANDED.get(1)).isSameAs(data.train());
    }

    @Test
    void networkPointsReportTheirInputAndOutputLayers() {
        ExperimentSpec spec = Fixtures.read("""
                dataset: {source: synthetic, preset: synthetic-ml100k}
                model: {kind: bloom-network, epochs: 1, network: {hidden: [8, 4]}}
                trainer: {name: fixture-network, device: cpu}
                grid: {compressor: [fixture-modulo], hash: [fixture-mix], ratio: [0.5], hashes: [2]}
                """, "net.yaml");
        GridPoint point = ExperimentPlan.expand(spec, Fixtures.PLUGINS).get(1);
        assertThat(point.sides()).isEqualTo(Sides.ITEMS);

        ResultRow row = points(spec).run(point, null);

        // 30 items at ratio 0.5 -> m = 15 positions; input layer 15 x 8 + 8 = 128, output layer 15 x 4 + 15 = 75
        assertThat(row.ok()).as(row.error()).isTrue();
        assertThat(row.sizes().layers()).isEqualTo(new ResultRow.LayerSizes(128, 75));
        assertThat(row.sizes().layers().inputBytes()).isEqualTo(512);
        assertThat(row.sizes().layers().outputBytes()).isEqualTo(300);
    }

    /** Compressors that ask for training counts get them from the training split; the others get none. */
    @Test
    void frequencyAwareCompressorsGetTheTrainingCountsOfTheirSide() {
        FixtureCountingCompressor.SEEN.clear();
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-tally]", "grid.ratio=[0.5]",
                "grid.hash=[fixture-mix]");
        GridPoint point = ExperimentPlan.expand(spec, Fixtures.PLUGINS).stream()
                .filter(p -> p.compressor().equals("fixture-tally")).findFirst().orElseThrow();
        points(spec).run(point, TrainingListener.NONE); // the fixture trainer's fit itself does not matter here

        ExperimentData data = Fixtures.data();
        assertThat(FixtureCountingCompressor.SEEN).hasSize(2);
        assertThat(FixtureCountingCompressor.SEEN.get(0).trainingCounts()).containsExactly(data.train().userCounts());
        assertThat(FixtureCountingCompressor.SEEN.get(1).trainingCounts()).containsExactly(data.train().itemCounts());
        // the held-out items are not counted: every fixture item is seen in training, but not as often as in all
        assertThat(FixtureCountingCompressor.SEEN.get(1).trainingCounts()).isNotEqualTo(data.test().itemCounts());
    }

    /**
     * A point's options reach both sides' layout requests, and the row records them resolved: 20 users and 30 items
     * at ratio 0.5 are 10 and 15 rows, plus the 4 extra rows on each side; without options the table has 10 and 15.
     */
    @Test
    void aPointsOptionsReachBothLayoutsAndTheRowRecordsThemResolved() {
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-options]", "grid.ratio=[0.5]",
                "grid.hash=[fixture-mix]", "grid.options.fixture-options.extraRows=[0, 4]");
        List<GridPoint> points = ExperimentPlan.expand(spec, Fixtures.PLUGINS);
        ResultRow none = points(spec).run(points.get(1), TrainingListener.NONE);
        ResultRow four = points(spec).run(points.get(2), TrainingListener.NONE);

        assertThat(none.ok()).as(none.error()).isTrue();
        assertThat(four.ok()).as(four.error()).isTrue();
        assertThat(four.point().options().asMap()).containsExactly(java.util.Map.entry("extraRows", 4));
        assertThat(four.sizes().userLayout().rows()).isEqualTo(14);
        assertThat(four.sizes().itemLayout().rows()).isEqualTo(19);
        assertThat(none.sizes().userLayout().rows()).isEqualTo(10);
        assertThat(four.options().asMap()).containsExactly(java.util.Map.entry("extraRows", 4),
                java.util.Map.entry("spread", "auto"));
        assertThat(none.options().asMap()).containsExactly(java.util.Map.entry("extraRows", 0),
                java.util.Map.entry("spread", "auto"));
        ResultRow plain = points(spec).run(points.get(0), TrainingListener.NONE);
        assertThat(plain.options().isEmpty()).isTrue();
    }
}
