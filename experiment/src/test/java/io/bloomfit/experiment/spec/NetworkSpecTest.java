package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.NetworkActivation;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.grid.Sides;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code model.kind: bloom-network} and its nested {@code model.network} section. */
class NetworkSpecTest {

    private static final String NETWORK = """
            name: net
            dataset: {source: synthetic, preset: synthetic-ml100k}
            split: {kind: user-holdout, test: 0.2, seed: 3}
            model: {kind: bloom-network, epochs: 2, batchSize: 16, learningRate: 0.01, seed: 1}
            trainer: {name: fixture-network, device: cpu}
            grid: {compressor: [fixture-modulo], hash: [fixture-mix], ratio: [0.5], hashes: [3]}
            """;

    private static ExperimentSpec read(String... overrides) {
        return Fixtures.read(NETWORK, "net.yaml", overrides);
    }

    private static List<SpecProblem> problems(String... overrides) {
        try {
            read(overrides);
        } catch (SpecException e) {
            return e.problems();
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void bindsTheNestedNetworkSection() {
        ExperimentSpec spec = read("model.network={hidden: [32, 16], activation: tanh, dropout: 0.1}");
        assertThat(spec.model().architecture().kind()).isEqualTo(ModelKind.BLOOM_NETWORK);
        assertThat(spec.model().architecture().network()).isEqualTo(new NetworkSpec(List.of(32, 16), NetworkActivation.TANH, 0.1));
        assertThat(spec.split().kind().specName()).isEqualTo("user-holdout");
    }

    @Test
    void omittedLayersAndSidesTakeTheDocumentedDefaults() {
        ExperimentSpec spec = read();
        // hidden [256, 128], relu, dropout 0.2; the only side a network compresses is its items
        assertThat(spec.model().architecture().network()).isEqualTo(new NetworkSpec(List.of(256, 128), NetworkActivation.RELU,
                0.2));
        assertThat(spec.grid().sides()).containsExactly(Sides.ITEMS);
        assertThat(spec.source()).contains("\"network\"").contains("\"hidden\" : [ 256, 128 ]")
                .doesNotContain("\"loss\"").doesNotContain("\"dimension\"");
    }

    @Test
    void anyOtherSideIsRefusedAtItsIndex() {
        assertThat(problems("grid.sides=[items, both]")).containsExactly(new SpecProblem("grid.sides[1]",
                "model.kind bloom-network compresses its item input and output only: the only side it accepts is "
                        + "'items', was 'both'"));
    }

    @Test
    void factorizationKeysAndBadLayersAreReportedAtTheirPaths() {
        assertThat(problems("model.loss=bpr", "model.optimizer=sparse-adam",
                "model.network={hidden: [0, 8], dropout: 1.0, width: 3}"))
                .extracting(SpecProblem::path)
                .containsExactlyInAnyOrder("model.loss", "model.optimizer", "model.network.hidden[0]",
                        "model.network.dropout", "model.network.width");
    }

    @Test
    void theNetworkSectionBelongsToTheNetworkKindOnly() {
        assertThat(problems("model.kind=implicit-factorization", "grid.sides=[both]", "model.network={hidden: [8]}"))
                .extracting(SpecProblem::path).containsExactly("model.network");
    }

    @Test
    void aTrainerThatCannotFitTheNetworkIsRefusedByItsCapabilities() {
        assertThat(problems("trainer.name=fixture")).containsExactly(new SpecProblem("model.kind",
                "trainer 'fixture' does not fit 'bloom-network'; it fits implicit-factorization"));
    }
}
