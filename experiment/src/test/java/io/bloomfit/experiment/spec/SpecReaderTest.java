package io.bloomfit.experiment.spec;


import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.data.DatasetSource;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

    private static ExperimentSpec read(String yaml, String... overrides) {
        return Fixtures.read(yaml, "test.yaml", overrides);
    }

    private static SpecException problems(String yaml, String... overrides) {
        try {
            read(yaml, overrides);
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void readsEveryKeyAsWritten() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.name()).isEqualTo("fixture-run");
        assertThat(spec.dataset().source()).isEqualTo(DatasetSource.SYNTHETIC);
        assertThat(spec.dataset().synthetic().preset()).isEqualTo("synthetic-ml100k");
        assertThat(spec.split()).isEqualTo(new io.bloomfit.data.SplitSpec("random", 0.2, 42, 0));
        assertThat(spec.model().architecture().loss()).isEqualTo(Loss.BPR);
        assertThat(spec.model().architecture().dimension()).isEqualTo(4);
        assertThat(spec.model().optimization().epochs()).isEqualTo(2);
        assertThat(spec.model().optimization().batchSize()).isEqualTo(16);
        assertThat(spec.model().optimization().learningRate()).isEqualTo(0.01);
        assertThat(spec.model().optimization().l2()).isEqualTo(1.0e-6);
        assertThat(spec.model().optimization().optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(spec.model().optimization().seed()).isEqualTo(1);
        assertThat(spec.model().trainer().device()).isEqualTo(DeviceChoice.CPU);
        assertThat(spec.trainer().name()).isEqualTo("fixture");
        assertThat(spec.grid().hashes()).containsExactly("fixture-mix", "fixture-linear");
        assertThat(spec.grid().ratios()).containsExactly(0.5, 0.1);
        assertThat(spec.grid().numHashes()).containsExactly(2);
        assertThat(spec.grid().sides()).containsExactly(Sides.BOTH);
    }

    @Test
    void omittedKeysTakeTheDocumentedDefaults() {
        ExperimentSpec spec = read("trainer: {name: fixture}\ngrid: {compressor: [fixture-modulo], hash: [fixture-mix]}");
        assertThat(spec.name()).isEqualTo("test");
        assertThat(spec.dataset().source()).isEqualTo(DatasetSource.SYNTHETIC);
        assertThat(spec.dataset().synthetic().preset()).isEqualTo("synthetic-ml100k");
        assertThat(spec.split()).isEqualTo(new io.bloomfit.data.SplitSpec("random", 0.2, 42, 0));
        // Spotlight's ImplicitFactorizationModel defaults
        assertThat(spec.model().architecture().loss()).isEqualTo(Loss.POINTWISE);
        assertThat(spec.model().architecture().dimension()).isEqualTo(32);
        assertThat(spec.model().optimization().epochs()).isEqualTo(10);
        assertThat(spec.model().optimization().batchSize()).isEqualTo(256);
        assertThat(spec.trainer().device()).isEqualTo(DeviceChoice.AUTO);
        assertThat(spec.trainer().negatives()).isEqualTo(io.bloomfit.api.train.NegativeSampling.UNIFORM);
        assertThat(spec.model().optimization().negatives().sampling()).isEqualTo(io.bloomfit.api.train.NegativeSampling.UNIFORM);
        assertThat(spec.grid().ratios()).containsExactly(0.5);
        assertThat(spec.grid().numHashes()).containsExactly(2);
        assertThat(spec.grid().sides()).containsExactly(Sides.BOTH);
        assertThat(spec.grid().repeats()).isEqualTo(1);
    }

    @Test
    void unknownHashFunctionNamesThePathAndTheAvailableOnes() {
        SpecException e = problems(Fixtures.SPEC, "grid.hash=[fixture-mix, fixture-linear, xxhash]");
        assertThat(e.problems()).containsExactly(new SpecProblem("grid.hash[2]",
                "unknown hash function 'xxhash'; available: fixture-constant, fixture-linear, fixture-mix"));
        assertThat(e.getMessage()).isEqualTo("fixture.yaml: grid.hash[2]: unknown hash function 'xxhash'; "
                .replace("fixture.yaml", "test.yaml") + "available: fixture-constant, fixture-linear, fixture-mix");
    }

    @Test
    void unknownPluginsOfEveryKindAreReported() {
        SpecException e = problems(Fixtures.SPEC, "grid.compressor=[blom]", "trainer.name=torch");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("trainer.name", "grid.compressor[0]");
        assertThat(e.problems().get(0).message()).isEqualTo("unknown trainer 'torch'; available: fixture, "
                + "fixture-network, fixture-options, fixture-serial, fixture-tunable");
        assertThat(e.problems().get(1).message()).startsWith("unknown compressor 'blom'; available: fixture-fixed, ");
    }

    @Test
    void unknownKeysAreRejectedWithTheKnownKeys() {
        SpecException e = problems("grid: {hsh: [a], compressor: [plain], hash: [fixture-mix]}\n"
                + "trainer: {name: fixture}\nmodle: {}");
        assertThat(e.problems()).containsExactly(
                new SpecProblem("modle", "unknown key; known keys: name, dataset, split, model, trainer, grid, "
                        + "evaluation, tune, keepModels"),
                new SpecProblem("grid.hsh", "unknown key; known keys of grid: compressor, hash, ratio, hashes, "
                        + "sides, repeats, options"));
    }

    @Test
    void keepModelsIsOffByDefaultAndLeftOutOfTheCanonicalFormThen() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.keepModels()).isFalse();
        assertThat(spec.source()).doesNotContain("keepModels");
    }

    @Test
    void keepModelsTrueIsReadFromYamlOrOverridesAndRoundTripsThroughTheCanonicalForm() {
        ExperimentSpec spec = read("keepModels: true\n" + Fixtures.SPEC);
        assertThat(spec.keepModels()).isTrue();
        assertThat(Fixtures.spec("keepModels=true").keepModels()).isTrue();
        // the stored spec is read again on resume and by the server: the flag survives
        ExperimentSpec again = SpecReader.read(spec.source(), "spec.json", true, "x", null, List.of(),
                Fixtures.PLUGINS);
        assertThat(again.keepModels()).isTrue();
        assertThat(again.source()).isEqualTo(spec.source());
        assertThat(read("keepModels: false\n" + Fixtures.SPEC).keepModels()).isFalse();
    }

    @Test
    void keepModelsOfAnotherTypeIsAProblemAtItsPath() {
        SpecException e = problems("keepModels: sometimes\n" + Fixtures.SPEC);
        assertThat(e.problems()).containsExactly(
                new SpecProblem("keepModels", "expected true or false, found 'sometimes'"));
        assertThat(problems("keepModels: [true]\n" + Fixtures.SPEC).problems())
                .extracting(SpecProblem::path).containsExactly("keepModels");
    }

    @Test
    void popularityNegativesReachTheModel() {
        ExperimentSpec spec = Fixtures.spec("trainer.negatives=popularity");
        assertThat(spec.trainer().negatives()).isEqualTo(io.bloomfit.api.train.NegativeSampling.POPULARITY);
        assertThat(spec.model().optimization().negatives().sampling()).isEqualTo(io.bloomfit.api.train.NegativeSampling.POPULARITY);
        SpecException e = problems(Fixtures.SPEC, "trainer.negatives=hard");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("trainer.negatives");
        assertThat(e.getMessage()).contains("trainer.negatives: unknown value 'hard'; expected one of uniform, "
                + "popularity");
    }

    @Test
    void invalidValuesAreAllCollectedWithTheirPaths() {
        SpecException e = problems(Fixtures.SPEC, "grid.ratio=[0.5, 0, 1.5]", "grid.repeats=0", "split.test=1.5",
                "model.loss=bpx", "model.epochs=zero", "grid.sides=[both, all]", "trainer.device=tpu");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactlyInAnyOrder("grid.ratio[1]",
                "grid.ratio[2]", "grid.repeats", "split.test", "model.loss", "model.epochs", "grid.sides[1]",
                "trainer.device");
        assertThat(e.getMessage()).contains("model.loss: unknown value 'bpx'; expected one of pointwise, bpr, hinge, "
                + "adaptive-hinge, regression");
        assertThat(e.getMessage()).contains("grid.sides[1]: unknown value 'all'; expected one of both | users | items");
        assertThat(e.getMessage()).contains("trainer.device: unknown value 'tpu'; expected one of auto, cpu, gpu");
    }

    @Test
    void anEmptySpecIsRefusedInsteadOfRunningTheDefaults() {
        for (String empty : new String[] {"", "\n", "# only a comment\n", "~\n"}) {
            assertThatThrownBy(() -> Fixtures.read(empty, "empty.yaml"))
                    .isInstanceOf(SpecException.class)
                    .hasMessageContaining("empty.yaml")
                    .hasMessageContaining("the spec is empty");
        }
    }

    @Test
    void anEmptyGridListIsAnError() {
        SpecException e = problems(Fixtures.SPEC, "grid.hash=[]");
        assertThat(e.problems()).containsExactly(new SpecProblem("grid.hash",
                "empty list: the grid would have no points; list at least one value"));
    }

    @Test
    void anUnreadableDatasetFileIsAnErrorBeforeAnythingRuns() {
        SpecException e = problems(Fixtures.SPEC, "dataset={source: movielens, path: /nonexistent/u.data}");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("dataset.path");
        assertThat(e.problems().get(0).message()).startsWith("cannot read '/nonexistent/u.data': no such file");
    }

    @Test
    void datasetProblemsNameTheirFields() {
        SpecException e = problems(Fixtures.SPEC, "dataset={source: synthetic, preset: synthetic-huge, path: x.csv}");
        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                "dataset.preset: unknown synthetic preset 'synthetic-huge'; available: synthetic-ml100k, "
                        + "synthetic-large",
                "dataset.path: source synthetic reads no file; remove it, or use source movielens or csv");
        SpecException e2 = problems(Fixtures.SPEC, "dataset={source: movielens, name: movielens-5k}",
                "dataset.colour=red");
        assertThat(e2.problems()).extracting(SpecProblem::path).containsExactly("dataset.colour", "dataset.name");
        assertThat(e2.problems().get(1).message()).startsWith("unknown MovieLens release 'movielens-5k'; available: ");
    }

    @Test
    void datasetPathsAreFoundBesideTheSpec(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/u.data"), "1\t2\t5\t881250949\n");
        Path specFile = dir.resolve("ml.yaml");
        Files.writeString(specFile, Fixtures.SPEC.replace("{source: synthetic, preset: synthetic-ml100k}",
                "{source: movielens, path: data/u.data}"));
        ExperimentSpec spec = SpecReader.read(specFile, List.of(), Fixtures.PLUGINS);
        assertThat(spec.dataset().path()).isEqualTo(dir.resolve("data/u.data").toString());
        assertThat(spec.name()).isEqualTo("fixture-run");
    }

    @Test
    void overridesSetNestedKeysListsAndListElements() {
        ExperimentSpec spec = Fixtures.spec("model.epochs=3", "grid.hash=[fixture-linear]", "grid.ratio[1]=0.25",
                "grid.repeats=2", "name=other");
        assertThat(spec.model().optimization().epochs()).isEqualTo(3);
        assertThat(spec.grid().hashes()).containsExactly("fixture-linear");
        assertThat(spec.grid().ratios()).containsExactly(0.5, 0.25);
        assertThat(spec.grid().repeats()).isEqualTo(2);
        assertThat(spec.name()).isEqualTo("other");
    }

    @Test
    void badOverridesNameTheAssignment() {
        assertThatThrownBy(() -> Fixtures.spec("model.epochs")).isInstanceOf(SpecException.class)
                .hasMessage("fixture.yaml: --set model.epochs: expected key=value, e.g. model.epochs=2");
        assertThatThrownBy(() -> Fixtures.spec("grid.ratio[5]=0.1")).isInstanceOf(SpecException.class)
                .hasMessage("fixture.yaml: --set grid.ratio[5]: ratio has no element 5 (it has 2)");
        SpecException e = problems(Fixtures.SPEC, "model.epoch=3");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("model.epoch");
    }

    @Test
    void numbersWrittenWithoutADotAreAccepted() {
        // YAML 1.1 reads 1e-6 as a string; users write it anyway.
        ExperimentSpec spec = Fixtures.spec("model.l2=1e-6", "model.learningRate=5e-3");
        assertThat(spec.model().optimization().l2()).isEqualTo(1e-6);
        assertThat(spec.model().optimization().learningRate()).isEqualTo(5e-3);
    }

    @Test
    void jsonSpecsAreReadToo() {
        ExperimentSpec spec = SpecReader.read("{\"trainer\": {\"name\": \"fixture\"}, \"grid\": {\"compressor\": "
                + "[\"fixture-modulo\"], \"hash\": [\"fixture-mix\"], \"ratio\": [0.2]}}", "s.json", true, "s", null,
                List.of(), Fixtures.PLUGINS);
        assertThat(spec.grid().ratios()).containsExactly(0.2);
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> read("name: a\ngrid: [\n  compressor: x")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("test.yaml: line ");
    }

    @Test
    void aMissingSpecFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> SpecReader.read(dir.resolve("nope.yaml"), List.of(), Fixtures.PLUGINS))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("nope.yaml: no such spec file");
    }

    @Test
    void aModelTheTrainerCannotFitIsRejectedBeforeAnythingRuns() {
        // the fixture trainer declares implicit models, adam and sparse-adam, on auto or cpu
        SpecException e = problems(Fixtures.SPEC, "model.optimizer=sgd", "trainer.device=gpu");
        assertThat(e.problems()).containsExactly(
                new SpecProblem("model.optimizer", "trainer 'fixture' does not implement 'sgd'; it implements adam, "
                        + "sparse-adam"),
                new SpecProblem("trainer.device", "trainer 'fixture' does not run on 'gpu'; it runs on auto, cpu"));
        SpecException kind = problems(Fixtures.SPEC, "model.kind=explicit-factorization", "model.loss=regression");
        assertThat(kind.problems()).containsExactly(new SpecProblem("model.kind", "trainer 'fixture' does not fit "
                + "'explicit-factorization'; it fits implicit-factorization"));
        assertThat(read(Fixtures.SPEC, "model.optimizer=sparse-adam").model().optimization().optimizer())
                .isEqualTo(OptimizerKind.SPARSE_ADAM);
    }

    @Test
    void aLossThatDoesNotFitTheModelKindIsReportedAtModelLoss() {
        SpecException e = problems(Fixtures.SPEC, "model.kind=explicit-factorization");
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactly("model.loss");
        assertThat(e.problems().get(0).message()).isEqualTo("explicit-factorization trains with loss 'regression', "
                + "was 'bpr'");
        SpecException implicit = problems(Fixtures.SPEC, "model.loss=regression");
        assertThat(implicit.problems()).extracting(SpecProblem::path).containsExactly("model.loss");
    }

    @Test
    void closedVocabulariesNameTheirChoices() {
        SpecException e = problems(Fixtures.SPEC, "split.kind=chrono", "dataset.source=parquet");
        assertThat(e.problems()).containsExactly(
                new SpecProblem("dataset.source", "unknown value 'parquet'; expected one of synthetic, movielens, csv"),
                new SpecProblem("split.kind", "unknown value 'chrono'; expected one of random, leave-last-out, "
                        + "time-fraction, files, user-holdout"));
    }
}
