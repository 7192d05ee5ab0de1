package io.bloomfit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.experiment.ExperimentPlan;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecException;
import io.bloomfit.experiment.spec.SpecProblem;
import io.bloomfit.experiment.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example specs validate against the built-in plugins (running them is the CLI tests' and users' job). */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void quickstartIsValidAndBundled() throws Exception {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("quickstart.yaml"), List.of());
        assertThat(spec.dataset().synthetic().preset()).isEqualTo("synthetic-ml100k");
        // plain + bloom 2 hashes x 2 ratios + hashing trick (k fixed) 2 x 2 + quotient-remainder (no hash) 2
        assertThat(ExperimentPlan.expand(spec)).hasSize(11);
        assertThat(getClass().getClassLoader().getResource("examples/quickstart.yaml")).isNotNull();
        assertThat(new String(getClass().getClassLoader().getResourceAsStream("examples/quickstart.yaml")
                .readAllBytes())).isEqualTo(Files.readString(EXAMPLES.resolve("quickstart.yaml")));
    }

    @Test
    void seedComparisonComparesSevenHashFunctions() {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("seed-comparison.yaml"), List.of());
        assertThat(spec.grid().hashes()).containsExactly("murmur3_32", "xxh64", "md5", "sha1", "sha256", "metro64",
                "farm64");
        assertThat(spec.model().optimization().epochs()).isEqualTo(1);
        // the seed's own loss
        assertThat(spec.model().architecture().loss()).isEqualTo(io.bloomfit.api.train.Loss.BPR_BOUNDED);
        assertThat(spec.model().optimization().batchSize()).isEqualTo(1024);
        assertThat(spec.grid().ratios()).containsExactly(0.4);
        assertThat(spec.grid().numHashes()).containsExactly(2);
        assertThat(ExperimentPlan.expand(spec)).hasSize(8);
    }

    @Test
    void fairComparisonRepeatsEveryMethodThreeTimes() {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("fair-comparison.yaml"), List.of());
        assertThat(spec.grid().repeats()).isEqualTo(3);
        assertThat(spec.grid().ratios()).containsExactly(0.2, 0.5);
        assertThat(spec.tune().combinations()).isEqualTo(4);
        assertThat(spec.tune().epochs().max()).isEqualTo(15);
        // per repeat: plain + bloom 2 ratios + hashing trick 2 + quotient-remainder 2
        assertThat(ExperimentPlan.expand(spec)).hasSize(21);
        // and the popularity and random references of every repeat
        assertThat(ExperimentPlan.withReferences(spec, io.bloomfit.host.Plugins.shared())).hasSize(27);
    }

    @Test
    void alternativesRunsEveryCompressorAtTwoRatios() {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("alternatives.yaml"), List.of());
        assertThat(spec.grid().compressors()).contains("bloom", "hashing-trick", "quotient-remainder",
                "hash-embedding", "robe", "dhe", "bloom-hybrid");
        assertThat(spec.grid().ratios()).containsExactly(0.2, 0.5);
        // plain + 9 compressors x 2 ratios (one hash function, one k)
        assertThat(ExperimentPlan.expand(spec)).hasSize(19);
    }

    @Test
    void compressorOptionsSweepsOptionsAsGridAxes() {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("compressor-options.yaml"), List.of());
        assertThat(spec.grid().options().byCompressor()).containsOnlyKeys("bloom", "hashing-trick", "bloom-hybrid");
        assertThat(spec.grid().options().combinations("bloom")).hasSize(2);
        // plain + 2 combiners of bloom + 2 signs of the hashing trick + 2 hot shares of bloom-hybrid (one ratio)
        assertThat(ExperimentPlan.expand(spec)).hasSize(7);
    }

    @Test
    void movielensNeedsOnlyTheFile() {
        Path file = Path.of("data/ml-100k/u.data");
        if (Files.isReadable(file) || Files.isReadable(EXAMPLES.resolve(file))) {
            assertThat(SpecReader.read(EXAMPLES.resolve("movielens-100k.yaml"), List.of()).name())
                    .isEqualTo("movielens-100k");
            return;
        }
        assertThatThrownBy(() -> SpecReader.read(EXAMPLES.resolve("movielens-100k.yaml"), List.of()))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .extracting(SpecProblem::path).containsExactly("dataset.path"));
    }

    @Test
    void paperNetworkRunsTheBloomNetworkOnItsItems() {
        ExperimentSpec spec = SpecReader.read(EXAMPLES.resolve("paper-network.yaml"), List.of());
        assertThat(spec.model().architecture().kind()).isEqualTo(io.bloomfit.api.train.ModelKind.BLOOM_NETWORK);
        assertThat(spec.model().architecture().network().hidden()).containsExactly(64);
        assertThat(spec.split().kind().specName()).isEqualTo("user-holdout");
        // plain + bloom 3 ratios + hashing trick 3 ratios + bloom-cooccurrence 3 ratios, items only
        assertThat(ExperimentPlan.expand(spec)).hasSize(10);
    }

    @Test
    void paperNetworkOnMovielensNeedsOnlyTheFile() {
        Path file = Path.of("data/ml-100k/u.data");
        if (Files.isReadable(file) || Files.isReadable(EXAMPLES.resolve(file))) {
            assertThat(SpecReader.read(EXAMPLES.resolve("paper-network-movielens.yaml"), List.of()).name())
                    .isEqualTo("paper-network-movielens");
            return;
        }
        assertThatThrownBy(() -> SpecReader.read(EXAMPLES.resolve("paper-network-movielens.yaml"), List.of()))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .extracting(SpecProblem::path).containsExactly("dataset.path"));
    }
}
